package io.kdbench.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Claim files ({@code cells/<hash>.claim}) that let several runs share one results folder: a run computes a cell
 * only after creating its claim file atomically (create-new), and removes it once the cell is stored.
 *
 * <p>Stale-claim rule: a claim whose owner is on this host and no longer running is stale at once (a killed run);
 * a claim from another host is stale once it is older than {@code staleAfter} (it cannot be checked otherwise). A
 * stale claim is removed and taken over.
 */
public final class CellClaims {
    static final String SUFFIX = ".claim";

    private final Path cells;
    private final ProcessOwner me;
    private final Duration staleAfter;

    CellClaims(Path cells, ProcessOwner me, Duration staleAfter) {
        this.cells = cells;
        this.me = me;
        this.staleAfter = staleAfter;
    }

    Path file(String hash) {
        return cells.resolve(hash + SUFFIX);
    }

    /** True if this run now holds the claim (it created it, or took over a stale one). */
    public boolean tryClaim(String hash) throws IOException {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Files.write(file(hash), (me.token() + "\n" + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8),
                        java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
                return true;
            } catch (FileAlreadyExistsException e) {
                if (!isStale(hash)) {
                    return false;
                }
                Files.deleteIfExists(file(hash)); // then try once more to create it
            }
        }
        return false;
    }

    public void release(String hash) {
        try {
            Files.deleteIfExists(file(hash));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove claim " + file(hash), e);
        }
    }

    boolean isStale(String hash) throws IOException {
        Path f = file(hash);
        String token;
        FileTime modified;
        try {
            token = Files.readAllLines(f, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            modified = Files.getLastModifiedTime(f);
        } catch (NoSuchFileException e) {
            return true; // released between our create and read: free now
        }
        ProcessOwner owner;
        try {
            owner = ProcessOwner.parse(token);
        } catch (IllegalArgumentException e) {
            // A claim cut short by a crash between create and write: stale once it is not fresh.
            return modified.toInstant().isBefore(Instant.now().minusSeconds(60));
        }
        if (owner.onThisHost()) {
            return !owner.isAlive();
        }
        return modified.toInstant().isBefore(Instant.now().minus(staleAfter));
    }
}
