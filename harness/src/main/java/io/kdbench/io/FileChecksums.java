package io.kdbench.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of data files, remembered per path, size and modification time: a grid stores one cell per method and
 * seed, and a real dataset file (gigabytes, for MedMNIST at 224 px) should be hashed once per run, not per cell.
 */
public final class FileChecksums {
    private record Key(Path file, long size, long modified) {
    }

    private static final Map<Key, String> KNOWN = new ConcurrentHashMap<>();

    private FileChecksums() {
    }

    /** The hex SHA-256 of the file, or "unreadable: why" (kept in provenance as it is, never dropped). */
    public static String sha256(Path file) {
        try {
            Key key = new Key(file.toAbsolutePath().normalize(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
            String known = KNOWN.get(key);
            if (known != null) {
                return known;
            }
            String hash = hash(file);
            KNOWN.put(key, hash);
            return hash;
        } catch (IOException e) {
            return "unreadable: " + e;
        }
    }

    private static String hash(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = Sha256.digest();
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return Sha256.hex(digest);
        }
    }
}
