package io.kdbench.api;

/**
 * One input of a dataset.
 *
 * @param name       key in {@link io.kdbench.data.Sample#images()}, or "text" / "tabular"
 * @param kind       what it is
 * @param privileged true if present only at training time (absent at test)
 */
public record Modality(String name, Kind kind, boolean privileged) {
    public enum Kind { IMAGE, TEXT, TABULAR }
}
