/**
 * The billing SPI of starhash: every chargeable event becomes a {@link org.starhash.billing.ChargeEvent}
 * with a unique id, handed to each {@link org.starhash.billing.BillingHook} that {@link java.util.ServiceLoader}
 * finds on the class path. Delivery is at least once: a hook may see an id again after a crash and must
 * treat a repeated id as the same charge.
 */
package org.starhash.billing;
