package io.kdbench.datasets.manifest;

/**
 * The spacing column: "z y x" or "y x" in mm (2-D: z = 1), separated by spaces, semicolons, 'x' or commas
 * (a cell with commas must be quoted in the CSV). Empty: no spacing given.
 */
final class SpacingCell {
    private SpacingCell() {
    }

    /** @return (z, y, x), or null for an empty cell */
    static double[] parse(String cell) {
        if (cell.isBlank()) {
            return null;
        }
        String[] parts = cell.trim().split("[,;x\\s]+");
        if (parts.length != 2 && parts.length != 3) {
            throw new IllegalArgumentException("'" + cell + "' is not a spacing; write \"z y x\" or \"y x\" in mm");
        }
        double[] s = {1, 1, 1};
        for (int i = 0; i < parts.length; i++) {
            double v;
            try {
                v = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + cell + "' is not a spacing; write \"z y x\" or \"y x\" in mm");
            }
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("spacing values must be finite and > 0; got '" + cell + "'");
            }
            s[3 - parts.length + i] = v;
        }
        return s;
    }
}
