package io.kdbench.api;

/**
 * Data a dataset cannot use (a missing or unreadable file, a shape mismatch, a label outside the declared set...),
 * with a message naming the file, the row and the field. The CLI reports it in one line with exit code 2; a grid
 * run stops on it rather than storing a failed cell, since no method could do better.
 */
public class BadDataException extends IllegalArgumentException {
    public BadDataException(String message) {
        super(message);
    }
}
