package io.kdbench.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Labels and classifier scores from a CSV file with a header: {@code label,score} (binary: labels 0/1, score for
 * class 1) or {@code label,score_0,...,score_k} (multi-class: labels 0..k, one score per class).
 *
 * @param labels one per row
 * @param scores [row][column] the score columns in order
 */
public record ScoreTable(int[] labels, double[][] scores) {

    public boolean binary() {
        return scores.length > 0 && scores[0].length == 1;
    }

    public int classes() {
        return binary() ? 2 : scores.length == 0 ? 0 : scores[0].length;
    }

    /** @throws IllegalArgumentException naming the line and the problem */
    public static ScoreTable read(Path path) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException("empty file; expected a header 'label,score' or "
                        + "'label,score_0,...,score_k'");
            }
            String[] cols = split(header.replace("\uFEFF", ""));
            int k = cols.length - 1;
            boolean binary = k == 1 && cols[1].equals("score");
            if (!cols[0].equals("label") || k < 1 || !binary && !multiClassHeader(cols)) {
                throw new IllegalArgumentException("line 1: header '" + header + "' is neither 'label,score' nor "
                        + "'label,score_0,...,score_k'");
            }
            int classes = binary ? 2 : k;
            List<int[]> labels = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            String line;
            int lineNo = 1;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = split(line);
                if (f.length != cols.length) {
                    throw new IllegalArgumentException("line " + lineNo + ": " + f.length + " fields, header has "
                            + cols.length);
                }
                int label;
                try {
                    label = Integer.parseInt(f[0]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + lineNo + ": label '" + f[0] + "' is not an integer");
                }
                if (label < 0 || label >= classes) {
                    throw new IllegalArgumentException("line " + lineNo + ": label " + label + " is not in 0.."
                            + (classes - 1));
                }
                double[] s = new double[k];
                for (int c = 0; c < k; c++) {
                    try {
                        s[c] = Double.parseDouble(f[c + 1]);
                    } catch (NumberFormatException e) {
                        s[c] = Double.NaN;
                    }
                    if (!Double.isFinite(s[c])) {
                        throw new IllegalArgumentException("line " + lineNo + ": " + cols[c + 1] + " '" + f[c + 1]
                                + "' is not a finite number");
                    }
                }
                labels.add(new int[] {label});
                rows.add(s);
            }
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("no rows after the header");
            }
            return new ScoreTable(labels.stream().mapToInt(a -> a[0]).toArray(), rows.toArray(new double[0][]));
        }
    }

    private static boolean multiClassHeader(String[] cols) {
        if (cols.length < 3) {
            return false;
        }
        for (int c = 1; c < cols.length; c++) {
            if (!cols[c].equals("score_" + (c - 1))) {
                return false;
            }
        }
        return true;
    }

    private static String[] split(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        return f;
    }
}
