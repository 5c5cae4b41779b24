package org.starhash.gateway.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The HTTP listener (USSD over HTTP, the admin API).
 *
 * @param host      address to listen on
 * @param port      port to listen on, 0 for any free one, -1 for no HTTP listener
 * @param ussdToken  the token a USSD aggregator must send, empty when none is asked
 * @param adminToken the token of the admin API; empty turns the admin API off
 * @param idleTimeout    how long a connection may wait between requests before it is closed
 * @param requestTimeout how long a request's headers and body may take to arrive from its first byte
 * @param maxHeaderBytes the most bytes of headers a request may have (431 beyond)
 * @param limits         connections at once, in all and from one address
 */
public record HttpSettings(String host, int port, String ussdToken, String adminToken, Duration idleTimeout,
                           Duration requestTimeout, int maxHeaderBytes, ConnectionLimits limits) {

    public HttpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(ussdToken, "ussdToken");
        Objects.requireNonNull(adminToken, "adminToken");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(limits, "limits");
    }

    public boolean enabled() {
        return port >= 0;
    }

    /** The same with another admin token; the admin load generator sets one. */
    public HttpSettings withAdminToken(String token) {
        return new HttpSettings(host, port, ussdToken, token, idleTimeout, requestTimeout, maxHeaderBytes, limits);
    }

    public HttpSettings withPort(int newPort) {
        return new HttpSettings(host, newPort, ussdToken, adminToken, idleTimeout, requestTimeout, maxHeaderBytes, limits);
    }
}
