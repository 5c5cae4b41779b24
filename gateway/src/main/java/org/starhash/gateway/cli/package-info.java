/**
 * The {@code starhash} command line (picocli): serve, check (menus and config), import (subscribers CSV), the
 * test peers dial and sms, bench with its child servers, and soak.
 */
package org.starhash.gateway.cli;
