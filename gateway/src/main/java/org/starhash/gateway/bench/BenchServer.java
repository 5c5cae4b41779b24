package org.starhash.gateway.bench;

/** A server under load, started on the loopback for one run. */
public interface BenchServer extends AutoCloseable {

    /** The port it listens on. */
    int port();

    /** The port of its USSD-over-HTTP listener, or -1 when it has none. */
    default int httpPort() {
        return -1;
    }

    @Override
    void close() throws Exception;
}
