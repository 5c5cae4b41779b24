/**
 * USSD dialogues: strings as 3GPP TS 22.030 §6.5.2 writes them (a prefix, a service code, parts separated by
 * {@code *}, a closing {@code #}), and the open dialogue of each handset with its timeout. Dialogues report what
 * they replaced or dropped; they call nobody, the engine settles it.
 */
package org.starhash.gateway.ussd;
