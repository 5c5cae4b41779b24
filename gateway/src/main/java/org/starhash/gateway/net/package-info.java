/**
 * Netty plumbing both listeners share: a listening socket that refuses connections cleanly when the process
 * has no descriptor left, and the guard on it that caps the connections, in all and from one address, and
 * pauses accepting when accepts fail, logging each as one fault.
 */
package org.starhash.gateway.net;
