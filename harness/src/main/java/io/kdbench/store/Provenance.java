package io.kdbench.store;

import io.kdbench.env.Environment;

/**
 * Where a cell's numbers came from.
 *
 * @param environment code version, git state, Java / DL4J / ND4J versions, backend, CPU or GPU, threads
 * @param startTime   ISO-8601 instant the cell started
 * @param endTime     ISO-8601 instant it was stored
 * @param command     the kdbench command line that made it
 */
public record Provenance(Environment environment, String startTime, String endTime, String command) {
}
