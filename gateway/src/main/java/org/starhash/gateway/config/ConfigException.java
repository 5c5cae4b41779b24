package org.starhash.gateway.config;

/** A configuration that cannot be used; the message is one line naming the file, the key and the problem. */
public final class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
