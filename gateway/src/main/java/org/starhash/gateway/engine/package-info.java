/**
 * The transport-neutral core: a request from SMPP or HTTP is routed to a service, decided and made durable in
 * one store transaction, and answered with a reply that the transport turns into PDUs or HTTP.
 */
package org.starhash.gateway.engine;
