/**
 * The benchmark: an SMPP load generator on Netty with the gateway's own codec, the two baseline servers it
 * is compared with (a bare responder, jsmpp's own server session), and the report. Like {@code smpp}, it
 * speaks SMPP 3.4 and so imports Netty and jsmpp; nothing in the gateway imports it.
 */
package org.starhash.gateway.bench;
