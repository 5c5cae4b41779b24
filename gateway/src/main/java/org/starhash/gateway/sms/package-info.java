/**
 * SMS text: the GSM 7-bit alphabet and UCS-2 (3GPP TS 23.038). Plain Java, no transport.
 */
package org.starhash.gateway.sms;
