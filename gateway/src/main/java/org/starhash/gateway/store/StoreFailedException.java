package org.starhash.gateway.store;

/** The store could not make a change durable and refuses further changes until it is reopened. */
public final class StoreFailedException extends RuntimeException {

    public StoreFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
