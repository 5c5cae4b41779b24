/**
 * USSD strings as 3GPP TS 22.030 §6.5.2 writes them: a prefix ({@code *}, {@code #}, {@code *#}, {@code **},
 * {@code ##}), a service code, supplementary parts separated by {@code *}, and a closing {@code #}.
 */
package org.starhash.gateway.ussd;
