package org.starhash.billing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The hooks found on the class path, opened together and fed together. */
public final class BillingHooks implements AutoCloseable {

    private final List<BillingHook> hooks;

    private BillingHooks(List<BillingHook> hooks) {
        this.hooks = List.copyOf(hooks);
    }

    /** Finds every {@link BillingHook} through {@link ServiceLoader} and opens it. */
    public static BillingHooks load(HookContext context) throws IOException {
        List<BillingHook> found = new ArrayList<>();
        for (BillingHook hook : ServiceLoader.load(BillingHook.class, BillingHook.class.getClassLoader())) {
            found.add(hook);
        }
        return of(context, found);
    }

    /** Opens the given hooks; for a gateway embedded in another program and for tests. */
    public static BillingHooks of(HookContext context, List<BillingHook> hooks) throws IOException {
        for (BillingHook hook : hooks) {
            hook.open(context);
        }
        return new BillingHooks(hooks);
    }

    /** The names of the hooks, for the start-up log. */
    public List<String> names() {
        return hooks.stream().map(BillingHook::name).toList();
    }

    /** Hands the batch to every hook; the first failure is thrown after the others were tried. */
    public void accept(List<ChargeEvent> events) throws IOException {
        if (events.isEmpty()) {
            return;
        }
        IOException failure = null;
        for (BillingHook hook : hooks) {
            try {
                hook.accept(events);
            } catch (IOException | RuntimeException e) {
                IOException wrapped = new IOException("billing hook " + hook.name() + " failed: " + e.getMessage(), e);
                if (failure == null) {
                    failure = wrapped;
                } else {
                    failure.addSuppressed(wrapped);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (BillingHook hook : hooks) {
            try {
                hook.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
