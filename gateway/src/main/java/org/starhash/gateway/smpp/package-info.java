/**
 * The SMPP 3.4 server on Netty, with jsmpp as the PDU codec: framing (64 KiB at most) before anything is
 * decoded, bind and authentication, enquire_link and idle unbind, MO in {@code submit_sm}, {@code data_sm} or
 * {@code deliver_sm}, and the one MT composer ({@code MtPdus}) for replies and outbox messages alike, which the
 * upstream client binds will use too. jsmpp's mutable beans stay inside this package.
 */
package org.starhash.gateway.smpp;
