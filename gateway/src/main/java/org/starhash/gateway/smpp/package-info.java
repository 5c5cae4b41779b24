/**
 * The SMPP 3.4 server on Netty, with jsmpp as the PDU codec: framing (64 KiB at most) before anything is
 * decoded, bind and authentication, enquire_link and idle unbind, MO in {@code submit_sm}, {@code data_sm} or
 * {@code deliver_sm}, and the reply as the mirror PDU to a receiver-capable bind of the same account.
 * jsmpp's mutable beans stay inside this package.
 */
package org.starhash.gateway.smpp;
