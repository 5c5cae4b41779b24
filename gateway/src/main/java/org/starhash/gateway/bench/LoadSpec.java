package org.starhash.gateway.bench;

import java.time.Duration;

/**
 * What the load generator does.
 *
 * @param host          server address
 * @param port          server port
 * @param systemId      bind system_id
 * @param password      bind password
 * @param binds         transceiver connections
 * @param window        requests outstanding per connection
 * @param warmup        load before measuring starts
 * @param duration      measured time (ignored when {@code count} is set)
 * @param count         measured transactions, or 0 to run for {@code duration}
 * @param rate          offered transactions per second over all binds (open loop), or 0 for closed loop
 * @param mix           the traffic
 * @param firstMsisdn   the first subscriber number (international digits)
 * @param subscribers   how many consecutive numbers from {@code firstMsisdn} the generator uses
 * @param clientThreads event-loop threads of the generator
 */
public record LoadSpec(String host, int port, String systemId, String password, int binds, int window,
                       Duration warmup, Duration duration, long count, double rate, Mix mix, long firstMsisdn,
                       int subscribers, int clientThreads) {

    public LoadSpec {
        if (binds < 1 || window < 1) {
            throw new IllegalArgumentException("--binds and --window must be at least 1");
        }
        if ((long) binds * window > subscribers) {
            throw new IllegalArgumentException("--subscribers (" + subscribers + ") must be at least binds x window ("
                    + (long) binds * window + "): each outstanding request needs a subscriber of its own");
        }
        if (rate < 0 || count < 0 || clientThreads < 1) {
            throw new IllegalArgumentException("--rate and --count cannot be negative, --client-threads at least 1");
        }
    }

    public LoadSpec withTarget(String newHost, int newPort) {
        return new LoadSpec(newHost, newPort, systemId, password, binds, window, warmup, duration, count, rate, mix,
                firstMsisdn, subscribers, clientThreads);
    }

    boolean openLoop() {
        return rate > 0;
    }

    /** How the load was shaped, for the report. */
    public String describe() {
        String loop = openLoop() ? String.format("open loop at %,.0f/s", rate) : "closed loop";
        return String.format("%s, %d binds x window %d, mix %s", loop, binds, window, mix);
    }
}
