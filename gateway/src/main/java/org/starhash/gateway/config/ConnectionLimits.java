package org.starhash.gateway.config;

/**
 * How many connections a listener keeps open at once, in all and from one address; one over either is closed
 * at once.
 *
 * @param maxConnections      open connections in all
 * @param maxPerAddress       open connections from one remote address
 */
public record ConnectionLimits(int maxConnections, int maxPerAddress) {

    public ConnectionLimits {
        if (maxConnections < 1 || maxPerAddress < 1 || maxPerAddress > maxConnections) {
            throw new IllegalArgumentException("connection limits " + maxConnections + " / " + maxPerAddress);
        }
    }
}
