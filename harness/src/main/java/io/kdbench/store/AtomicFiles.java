package io.kdbench.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes files so that a reader sees the old content or the new, never a half-written file. */
public final class AtomicFiles {
    static final String TMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Writes to a temporary file beside the target, forces it to disk, then renames it over the target. */
    public static void write(Path target, byte[] content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // The pid in the name lets a later run remove temporaries of dead writers without touching live ones.
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + "." + ProcessHandle.current().pid() + ".",
                TMP_SUFFIX);
        try {
            makeReadable(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot rename atomically; results need one that can", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Temporary files are created owner-only; results are for sharing, so give them the usual rw-r--r--. */
    private static void makeReadable(Path tmp) throws IOException {
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    /** The pid that wrote a temporary file of {@link #write}, or -1 if the name is not one of ours. */
    static long writerPid(Path tmp) {
        String name = tmp.getFileName().toString();
        if (!name.startsWith(".") || !name.endsWith(TMP_SUFFIX)) {
            return -1;
        }
        String[] parts = name.substring(0, name.length() - TMP_SUFFIX.length()).split("\\.");
        for (int i = parts.length - 2; i >= 0; i--) {
            if (parts[i].matches("\\d+")) {
                return Long.parseLong(parts[i]);
            }
        }
        return -1;
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
