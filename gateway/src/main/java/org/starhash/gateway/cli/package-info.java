/** The {@code starhash} command line: serve, import, check, and the test peers dial and sms. */
package org.starhash.gateway.cli;
