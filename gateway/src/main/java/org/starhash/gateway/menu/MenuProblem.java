package org.starhash.gateway.menu;

/**
 * What is wrong in a menu file, and where.
 *
 * @param file    the file
 * @param line    the line, 1-based; 0 when the problem is the file as a whole
 * @param message what is wrong
 */
public record MenuProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
