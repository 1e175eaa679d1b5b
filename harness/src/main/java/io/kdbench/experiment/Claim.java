package io.kdbench.experiment;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A paper's claim as an experiment file states it: one row against another on one metric of one dataset, with the
 * direction the paper expects. Claims are not part of any cell's spec: adding one never recomputes a cell.
 *
 * @param id             unique in the file
 * @param paper          free text, e.g. "MMPKD (arXiv 2508.06558)"
 * @param text           the paper's claim in one sentence
 * @param dataset        a dataset label of the file
 * @param metric         a metric id of the file that applies to the dataset, or {@link #PARAMETERS}
 * @param row            the row the claim is about (a method label that runs on the dataset)
 * @param against        the row it is compared with
 * @param margin         for {@link Expect#NOT_WORSE}: how much worse the row may be, in the metric's units; NaN otherwise
 * @param atMostFraction for {@link Expect#FEWER_PARAMETERS}: the row may have at most this fraction of the other's
 *                       parameters; NaN when fewer is enough
 */
public record Claim(String id, String paper, String text, String dataset, String metric, String row, String against,
                    Expect expect, double margin, double atMostFraction) {
    /** The {@code metric} of a claim about deployed parameter counts. */
    public static final String PARAMETERS = "parameters";

    /** What the paper expects of {@code row} against {@code against}. */
    public enum Expect {
        /** Better on the metric. */
        BETTER,
        /** Not worse than {@code margin} on the metric. */
        NOT_WORSE,
        /** Fewer deployed parameters (at most {@code atMostFraction} of them, if given). */
        FEWER_PARAMETERS;

        /** The name in experiment files: better, not-worse, fewer-parameters. */
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public static List<String> yamlNames() {
            return Arrays.stream(values()).map(Expect::yamlName).toList();
        }
    }
}
