/**
 * Netty plumbing both listeners share: a listening socket that refuses connections cleanly when the process
 * has no descriptor left, and the guard that pauses accepting and logs it as one fault.
 */
package org.starhash.gateway.net;
