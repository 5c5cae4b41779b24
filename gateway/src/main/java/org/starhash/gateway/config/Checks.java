package org.starhash.gateway.config;

import org.starhash.gateway.values.Money;

/** The checks the config sections share; an error carries the file name and the key path. */
final class Checks {

    private final String fileName;

    Checks(String fileName) {
        this.fileName = fileName;
    }

    ConfigException error(String path, String problem) {
        return new ConfigException(fileName + ": " + path + ": " + problem);
    }

    /** An amount written in euros, as cents. */
    long euros(String path, String written) throws ConfigException {
        try {
            return Money.parseCents(written);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw error(path, e.getMessage() + " (write euros, for example 5 or 0.30)");
        }
    }

    int range(String path, int value, int min, int max) throws ConfigException {
        if (value < min || value > max) {
            throw error(path, value + " is out of range (" + min + " to " + max + ")");
        }
        return value;
    }

    static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
