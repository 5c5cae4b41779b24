/**
 * The transport-neutral core: a request from SMPP or HTTP is routed to a service or a menu, decided and applied
 * in one store transaction on the writer, and answered once durable. What follows a commit (the dialogue moving
 * on, charges and messages handed on, an unanswered question settled) runs one way, on the store's completion
 * thread, through {@code Decisions}.
 */
package org.starhash.gateway.engine;
