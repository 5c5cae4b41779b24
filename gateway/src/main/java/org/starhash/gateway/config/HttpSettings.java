package org.starhash.gateway.config;

import java.util.Objects;

/**
 * The HTTP listener (USSD over HTTP, the admin API).
 *
 * @param host      address to listen on
 * @param port      port to listen on, 0 for any free one, -1 for no HTTP listener
 * @param ussdToken  the token a USSD aggregator must send, empty when none is asked
 * @param adminToken the token of the admin API; empty turns the admin API off
 */
public record HttpSettings(String host, int port, String ussdToken, String adminToken) {

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ussdToken, "ussdToken");
        Objects.requireNonNull(adminToken, "adminToken");
    }

    public boolean enabled() {
        return port >= 0;
    }

    public HttpSettings withPort(int newPort) {
        return new HttpSettings(host, newPort, ussdToken, adminToken);
    }
}
