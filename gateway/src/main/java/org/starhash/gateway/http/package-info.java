/**
 * The Netty HTTP listener: USSD over HTTP in the Africa's Talking convention ({@code POST /ussd}, {@code CON}/
 * {@code END} answers), and the admin API behind its token (network events such as missed calls, storm alerts and
 * content subscriptions, the barring PIN reset). Strict forms and JSON, caps on headers, bodies, connections and
 * time, so a bad or slow client gets a 4xx and never holds more than its share.
 */
package org.starhash.gateway.http;
