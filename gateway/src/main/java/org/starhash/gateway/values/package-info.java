/**
 * Immutable values every layer shares, with no dependency on any other package: money in cents, MSISDN
 * numbering, the tax number check, and the MT message the outbox stores and the couriers send.
 */
package org.starhash.gateway.values;
