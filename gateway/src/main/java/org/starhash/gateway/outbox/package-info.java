/**
 * Delivery of the outbox: messages to handsets that changes caused (SERVICES.md §1 and §5), sent through a
 * transport with a window, retried with back-off, and removed from the store only when the network took them.
 */
package org.starhash.gateway.outbox;
