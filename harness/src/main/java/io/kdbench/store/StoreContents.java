package io.kdbench.store;


import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a results folder holds: the cells that read and verify, and the files in {@code cells/} that do not
 * (corrupt, truncated, empty, or stored by another schema), so that every caller can name them.
 */
public record StoreContents(List<CellRecord> cells, List<UnreadableCell> unreadable) {
    public StoreContents {
        cells = List.copyOf(cells);
        unreadable = List.copyOf(unreadable);
    }

    /** The readable cells whose spec is one of {@code grid}'s, whatever code version stored them. */
    public StoreContents of(List<RunSpec> grid) {
        Set<String> specs = new HashSet<>();
        grid.forEach(spec -> specs.add(SpecHash.ofSpec(spec)));
        return new StoreContents(cells.stream().filter(c -> specs.contains(SpecHash.ofSpec(c.spec()))).toList(), unreadable);
    }

    /**
     * The newest cell of each (method, dataset, seed), for reading a folder that holds cells of several
     * code versions.
     */
    public List<CellRecord> latestPerSpec() {
        Map<String, CellRecord> latest = new LinkedHashMap<>();
        for (CellRecord c : cells) {
            String key = c.spec().method() + "\u0000" + c.spec().dataset() + "\u0000" + c.spec().seed();
            CellRecord prev = latest.get(key);
            if (prev == null || c.provenance().endTime().compareTo(prev.provenance().endTime()) > 0) {
                latest.put(key, c);
            }
        }
        return List.copyOf(latest.values());
    }

    /**
     * The specs of {@code expected} that the folder holds no cell for: no readable cell of the same spec (whatever
     * code version stored it), and no file under the name the given code version and compute identity give it (an
     * unreadable file there is reported as unreadable, not also as missing).
     */
    public List<RunSpec> missing(List<RunSpec> expected, String codeVersion, String computeIdentity) {
        Set<String> stored = new HashSet<>();
        cells.forEach(c -> stored.add(SpecHash.ofSpec(c.spec())));
        Set<String> unreadableNames = new HashSet<>();
        for (UnreadableCell u : unreadable) {
            Path name = u.file().getFileName();
            unreadableNames.add(name == null ? "" : name.toString());
        }
        return expected.stream()
                .filter(spec -> !stored.contains(SpecHash.ofSpec(spec))
                        && !unreadableNames.contains(SpecHash.of(spec, codeVersion, computeIdentity) + ".json"))
                .toList();
    }
}
