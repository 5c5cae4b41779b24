/**
 * starhash, a USSD and SMS gateway for mobile operators: the wiring of store, billing, engine and transports.
 */
package org.starhash.gateway;
