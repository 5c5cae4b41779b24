package org.starhash.gateway.store;

/**
 * A unit of work run on the writer thread; it must be quick and do no IO, and everything it writes is
 * applied atomically. Throwing discards its writes and fails its future.
 */
@FunctionalInterface
public interface Transaction<R> {

    R run(Tx tx);
}
