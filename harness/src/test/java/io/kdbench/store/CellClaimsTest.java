package io.kdbench.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CellClaimsTest {
    @TempDir
    Path dir;

    private CellClaims claimsOf(ProcessOwner owner) {
        return new CellClaims(dir, owner, Duration.ofHours(1));
    }

    @Test
    void aClaimIsExclusiveUntilReleased() throws IOException {
        CellClaims a = claimsOf(ProcessOwner.current());
        CellClaims b = claimsOf(ProcessOwner.current());
        assertTrue(a.tryClaim("h1"));
        assertFalse(b.tryClaim("h1"), "a live owner's claim holds");
        a.release("h1");
        assertTrue(b.tryClaim("h1"));
    }

    @Test
    void aDeadOwnersClaimOnThisHostIsTakenOver() throws IOException {
        Process dead = new ProcessBuilder("true").start();
        long pid = dead.pid();
        try {
            dead.waitFor();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        CellClaims ghost = claimsOf(new ProcessOwner(pid, ProcessOwner.hostName()));
        assertTrue(ghost.tryClaim("h2"));
        assertTrue(claimsOf(ProcessOwner.current()).tryClaim("h2"), "the claim of a killed run is stale");
        assertTrue(Files.readString(dir.resolve("h2.claim")).startsWith(ProcessOwner.current().token()));
    }

    @Test
    void anotherHostsClaimIsStaleOnlyWhenOld() throws IOException {
        CellClaims remote = claimsOf(new ProcessOwner(1, "elsewhere"));
        assertTrue(remote.tryClaim("h3"));
        CellClaims mine = claimsOf(ProcessOwner.current());
        assertFalse(mine.tryClaim("h3"), "a fresh remote claim holds");
        Files.setLastModifiedTime(dir.resolve("h3.claim"), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        assertTrue(mine.tryClaim("h3"), "an old remote claim is stale");
    }

    @Test
    void temporaryFilesOfDeadWritersAreRemovedAndLiveOnesKept() throws IOException {
        Path cells = dir.resolve(ResultsStore.CELLS);
        Files.createDirectories(cells);
        Path dead = cells.resolve(".abc.json.999999999.12345.tmp");
        Path live = cells.resolve(".abc.json." + ProcessHandle.current().pid() + ".67890.tmp");
        Files.writeString(dead, "{");
        Files.writeString(live, "{");
        assertEquals(999999999L, AtomicFiles.writerPid(dead));
        assertEquals(1, new ResultsStore(dir).removeStaleTemporaryFiles());
        assertFalse(Files.exists(dead));
        assertTrue(Files.exists(live));
    }
}
