package org.starhash.gateway.config;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SMPP listener.
 *
 * @param host        address to listen on
 * @param port        port to listen on, 0 for any free one
 * @param systemId    the gateway's own system_id in bind responses
 * @param bindTimeout how long a connection may stay unbound
 * @param idleTimeout how long a bound peer may stay silent before it is unbound
 * @param limits      connections at once, in all and from one address
 * @param accounts    passwords by system_id, in the order of the config
 */
public record SmppSettings(String host, int port, String systemId, Duration bindTimeout, Duration idleTimeout,
                           ConnectionLimits limits, Map<String, String> accounts) {

    public SmppSettings {
        // Ordered as in the file: the test peers bind with the first account.
        accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts));
    }

    /** The same settings on another port; tests use port 0. */
    public SmppSettings withPort(int newPort) {
        return new SmppSettings(host, newPort, systemId, bindTimeout, idleTimeout, limits, accounts);
    }
}
