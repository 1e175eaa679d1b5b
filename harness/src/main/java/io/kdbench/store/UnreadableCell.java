package io.kdbench.store;

import java.nio.file.Path;

/**
 * A file in {@code cells/} that could not be read as a cell, and why. Callers name it to the user: a corrupt cell
 * must never pass unnoticed.
 */
public record UnreadableCell(Path file, String problem) {
    static UnreadableCell of(CorruptCellException e) {
        return new UnreadableCell(e.file(), e.problem());
    }

    @Override
    public String toString() {
        return file + ": " + problem;
    }
}
