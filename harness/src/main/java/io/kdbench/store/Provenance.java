package io.kdbench.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.kdbench.env.Environment;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a cell's numbers came from.
 *
 * @param environment code version, git state, Java / DL4J / ND4J versions, backend, CPU or GPU, threads
 * @param startTime   ISO-8601 instant the cell started
 * @param endTime     ISO-8601 instant it was stored
 * @param command     the kdbench command line that made it
 * @param dataFiles   the files the dataset read (path as configured) and their SHA-256; left out of the JSON when
 *                    empty, so cells of generated data are stored as before
 */
public record Provenance(Environment environment, String startTime, String endTime, String command,
                         @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> dataFiles) {
    public Provenance {
        dataFiles = dataFiles == null ? Map.of() : new TreeMap<>(dataFiles);
    }

    public Provenance(Environment environment, String startTime, String endTime, String command) {
        this(environment, startTime, endTime, command, Map.of());
    }
}
