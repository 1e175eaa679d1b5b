package io.kdbench.store;

import java.nio.file.Path;

/** A cell file that cannot be trusted: unreadable, truncated or failing its checksum. */
public class CorruptCellException extends RuntimeException {
    public CorruptCellException(Path file, String problem) {
        super("cell file " + file + " " + problem);
    }
}
