package io.kdbench.reports;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests in other packages write the sample report. */
public final class ReportWriterTestAccess {
    private ReportWriterTestAccess() {
    }

    public static Path write(Path dir) throws IOException {
        return ReportWriterTest.write(dir);
    }
}
