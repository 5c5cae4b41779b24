package org.starhash.gateway.store;

/** A change could not be made durable (the journal cannot be written): it was not applied, and may be tried later. */
public final class StoreFailedException extends RuntimeException {

    public StoreFailedException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
