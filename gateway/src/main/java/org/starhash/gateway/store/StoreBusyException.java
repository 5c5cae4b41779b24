package org.starhash.gateway.store;

/** The writer's queue is full: the caller should answer "try later" (ESME_RTHROTTLED on SMPP). */
public final class StoreBusyException extends RuntimeException {

    public StoreBusyException(String message) {
        super(message);
    }
}
