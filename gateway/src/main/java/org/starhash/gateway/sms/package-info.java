/**
 * SMS text, plain Java with no transport: the GSM 7-bit alphabet and UCS-2 (3GPP TS 23.038), the one on-air
 * rule that cuts an MT text into segments with concatenation headers (what is charged is what goes out),
 * reassembly of concatenated MO, transliteration, and how keywords are folded for comparison.
 */
package org.starhash.gateway.sms;
