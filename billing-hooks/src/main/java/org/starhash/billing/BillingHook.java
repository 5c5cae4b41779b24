package org.starhash.billing;

import java.io.IOException;
import java.util.List;

/**
 * A receiver of charge events, found through {@link java.util.ServiceLoader}; it must hold the events durably
 * before {@link #accept} returns, because the gateway forgets them once every hook has accepted them.
 */
public interface BillingHook extends AutoCloseable {

    /** A short name for logs and errors. */
    String name();

    /** Called once before the first {@link #accept}. */
    void open(HookContext context) throws IOException;

    /**
     * Takes a batch of events in the order they happened. Returning normally means they are durable; throwing
     * means the whole batch will be offered again later, so ids already seen must be taken as repeats.
     */
    void accept(List<ChargeEvent> events) throws IOException;

    @Override
    void close() throws IOException;
}
