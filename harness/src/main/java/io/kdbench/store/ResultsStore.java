package io.kdbench.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kdbench.io.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The results of one experiment folder: {@code cells/<hash>.json}, one checksummed document per finished
 * cell, each written atomically, and the tidy {@code per_seed.csv} derived from them.
 */
public final class ResultsStore {
    private static final Logger LOG = LoggerFactory.getLogger(ResultsStore.class);
    public static final String CELLS = "cells";
    public static final String PER_SEED_CSV = "per_seed.csv";
    /** A claim from another host older than this is taken over (its owner cannot be checked). */
    static final java.time.Duration CLAIM_STALE_AFTER = java.time.Duration.ofHours(12);

    private final Path root;

    public ResultsStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path cellFile(String hash) {
        return root.resolve(CELLS).resolve(hash + ".json");
    }

    /** Checks that the folder can be created and written, before any work is done. */
    public void checkWritable() throws IOException {
        Path cells = root.resolve(CELLS);
        try {
            Files.createDirectories(cells);
        } catch (IOException e) {
            throw new IOException("cannot create results folder " + cells + ": " + e.getMessage(), e);
        }
        if (!Files.isWritable(cells)) {
            throw new IOException("results folder " + cells + " is not writable");
        }
    }

    /** Claims on this folder's cells, held by this process. */
    public CellClaims claims() {
        return new CellClaims(root.resolve(CELLS), ProcessOwner.current(), CLAIM_STALE_AFTER);
    }

    /** Deletes temporary files left by writers that died (this host, pid not running); returns how many. */
    public int removeStaleTemporaryFiles() throws IOException {
        int removed = 0;
        for (Path dir : List.of(root, root.resolve(CELLS))) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + AtomicFiles.TMP_SUFFIX)) {
                for (Path f : files) {
                    long pid = AtomicFiles.writerPid(f);
                    boolean alive = pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                    if (!alive && Files.deleteIfExists(f)) {
                        LOG.warn("removed {} left by a run that stopped mid-write", f);
                        removed++;
                    }
                }
            }
        }
        return removed;
    }

    /** The stored cell, or empty if there is none or it is corrupt (then it is reported and will be recomputed). */
    public Optional<CellRecord> find(String hash) {
        Path file = cellFile(hash);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(read(file));
        } catch (CorruptCellException e) {
            LOG.warn("{}; it will be recomputed", e.getMessage());
            return Optional.empty();
        }
    }

    public void write(CellRecord cell) throws IOException {
        CellRecord unsigned = cell.withChecksum("");
        String checksum = checksumOf(Json.MAPPER.valueToTree(unsigned));
        AtomicFiles.write(cellFile(cell.hash()), Json.MAPPER.writeValueAsBytes(unsigned.withChecksum(checksum)));
    }

    /**
     * Stores a cell that arrives as its JSON document (computed in another process), checksummed as {@link
     * #write(CellRecord)} does. The document is kept as it came, so the file is the one that process's {@code
     * write} would have made: a record read back from JSON holds its method's extras as maps, which would be written
     * with their keys in another order.
     */
    public void write(String hash, ObjectNode document) throws IOException {
        ObjectNode unsigned = document.deepCopy();
        unsigned.put("checksum", "");
        String checksum = checksumOf(unsigned);
        unsigned.put("checksum", checksum);
        AtomicFiles.write(cellFile(hash), Json.MAPPER.writeValueAsBytes(unsigned));
    }

    /**
     * Reads and verifies one cell document: it must be a JSON object of the current {@link CellRecord#SCHEMA} whose
     * checksum matches its content. Throws {@link CorruptCellException} saying what is wrong otherwise.
     */
    public static CellRecord read(Path file) {
        JsonNode tree;
        try {
            if (Files.size(file) == 0) {
                throw new CorruptCellException(file, "is empty (0 bytes)");
            }
            tree = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new CorruptCellException(file, "is not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (!(tree instanceof ObjectNode obj)) {
            throw new CorruptCellException(file, "is not a JSON object");
        }
        if (obj.isEmpty()) {
            throw new CorruptCellException(file, "is an empty JSON object ({})");
        }
        // another schema's fields mean other things: such a cell is never read as this one (rerun to replace it)
        JsonNode schema = obj.get("schema");
        if (schema == null || !schema.isInt() || schema.intValue() != CellRecord.SCHEMA) {
            throw new CorruptCellException(file, "was stored by another schema ("
                    + (schema == null ? "none" : schema.asText()) + ", expected " + CellRecord.SCHEMA + ")");
        }
        if (!obj.hasNonNull("checksum")) {
            throw new CorruptCellException(file, "has no checksum");
        }
        String stored = obj.get("checksum").asText();
        obj.put("checksum", "");
        if (!stored.equals(checksumOf(obj))) {
            throw new CorruptCellException(file, "fails its checksum (truncated or edited)");
        }
        try {
            CellRecord cell = Json.MAPPER.treeToValue(obj, CellRecord.class);
            return cell.withChecksum(stored);
        } catch (IOException e) {
            throw new CorruptCellException(file, "does not match the cell schema (" + e.getMessage() + ")");
        }
    }

    /** Every file in {@code cells/}: the cells that read, in hash order, and the files that do not, in name order. */
    public StoreContents contents() {
        Path dir = root.resolve(CELLS);
        List<CellRecord> cells = new ArrayList<>();
        List<UnreadableCell> unreadable = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return new StoreContents(cells, unreadable);
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : files) {
                try {
                    cells.add(read(f));
                } catch (CorruptCellException e) {
                    unreadable.add(UnreadableCell.of(e));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        cells.sort(Comparator.comparing(CellRecord::hash));
        unreadable.sort(Comparator.comparing(u -> u.file().toString()));
        return new StoreContents(cells, unreadable);
    }

    /** Every readable cell in the folder; unreadable ones are logged and left out ({@link #contents()} lists them). */
    public List<CellRecord> readAll() {
        StoreContents contents = contents();
        contents.unreadable().forEach(u -> LOG.warn("cell file {}", u));
        return contents.cells();
    }

    /** The newest readable cell of each (method, dataset, seed); see {@link StoreContents#latestPerSpec()}. */
    public List<CellRecord> latestPerSpec() {
        StoreContents contents = contents();
        contents.unreadable().forEach(u -> LOG.warn("cell file {}", u));
        return contents.latestPerSpec();
    }

    public void writeTidyCsv(List<CellRecord> cells) throws IOException {
        AtomicFiles.writeString(root.resolve(PER_SEED_CSV), TidyCsv.format(cells));
    }

    static String checksumOf(JsonNode unsignedTree) {
        try {
            return Sha256.hex(Json.MAPPER.writeValueAsBytes(unsignedTree));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a cell", e);
        }
    }
}
