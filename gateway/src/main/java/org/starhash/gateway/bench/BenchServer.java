package org.starhash.gateway.bench;

/** A server under load, started on the loopback for one run. */
public interface BenchServer extends AutoCloseable {

    /** The port it listens on. */
    int port();

    @Override
    void close() throws Exception;
}
