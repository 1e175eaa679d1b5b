package io.kdbench.experiment;

import java.nio.file.Path;

/** A problem in an experiment file: names the file and line. The CLI prints the message and exits with 2. */
public class ConfigException extends RuntimeException {
    public ConfigException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
