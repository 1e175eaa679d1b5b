package io.kdbench.store;

import java.nio.file.Path;

/** A cell file that cannot be trusted: empty, unreadable, truncated, failing its checksum or of another schema. */
public class CorruptCellException extends RuntimeException {
    private final transient Path file;
    private final String problem;

    public CorruptCellException(Path file, String problem) {
        super("cell file " + file + " " + problem);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** What is wrong, e.g. "fails its checksum (truncated or edited)". */
    public String problem() {
        return problem;
    }
}
