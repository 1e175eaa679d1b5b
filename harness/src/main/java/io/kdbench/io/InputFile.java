package io.kdbench.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Why a path given as an input file cannot be read as one, in words for the user: a folder where a file was
 * expected is not "no such file" (the user would look for a typo that is not there).
 */
public final class InputFile {
    private InputFile() {
    }

    /** Null when {@code path} is a regular file; otherwise what it is instead, e.g. "no such file". */
    public static String problem(Path path) {
        if (Files.isRegularFile(path)) {
            return null;
        }
        if (Files.isDirectory(path)) {
            return "is a folder, not a file";
        }
        return Files.exists(path) ? "is not a regular file" : "no such file";
    }

    /** @param what the file's role in messages, e.g. "experiment file"; "no such experiment file" when missing */
    public static String problem(Path path, String what) {
        String p = problem(path);
        if (p == null) {
            return null;
        }
        return p.equals("no such file") ? "no such " + what : p + "; expected the " + what;
    }
}
