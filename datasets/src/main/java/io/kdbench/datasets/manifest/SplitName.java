package io.kdbench.datasets.manifest;

import java.util.Locale;

/** The values of the split column; "val", "valid" and "validate" (MIMIC-CXR's word) mean validation. */
public enum SplitName {
    TRAIN, VALIDATION, TEST, EXTERNAL;

    /** @return the split, or null for an empty cell (the row is assigned by seed) */
    static SplitName parse(String cell) {
        String s = cell.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "" -> null;
            case "train" -> TRAIN;
            case "validation", "val", "valid", "validate" -> VALIDATION;
            case "test" -> TEST;
            case "external" -> EXTERNAL;
            default -> throw new IllegalArgumentException("'" + cell + "' is not a split; use train, validation, test, "
                    + "external, or leave it empty to split by seed");
        };
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
