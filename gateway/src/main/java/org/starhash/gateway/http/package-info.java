/**
 * The Netty HTTP listener: USSD over HTTP in the Africa's Talking convention (POST /ussd, CON/END answers).
 */
package org.starhash.gateway.http;
