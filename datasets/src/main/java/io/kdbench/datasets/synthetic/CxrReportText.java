package io.kdbench.datasets.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a short radiology-style report from the findings a chest image shows: a sentence per present
 * finding whose size word comes from the drawn size and whose certainty comes from the drawn visibility
 * (faint findings are hedged, the faintest left out, as a reader would), negations for some absent ones,
 * filler, and image-independent reader errors (false mentions, letter typos), in shuffled order.
 */
final class CxrReportText {
    /** Synonyms per finding, in the order of {@link CxrReportDataset#FINDINGS}. */
    private static final String[][] NAMES = {
            {"opacity", "airspace opacity", "consolidation", "patchy opacity"},
            {"pleural effusion", "effusion", "pleural fluid"},
            {"nodule", "nodular density", "rounded nodular opacity"},
            {"cardiomegaly", "enlarged cardiac silhouette", "enlargement of the heart"},
    };
    private static final String[][] NEGATIONS = {
            {"The lungs are clear.", "No focal consolidation.", "No airspace opacity is seen."},
            {"No pleural effusion.", "There is no effusion.", "Costophrenic angles are sharp."},
            {"No nodules are identified.", "No suspicious nodule.", "No nodular density."},
            {"Heart size is normal.", "The cardiac silhouette is within normal limits.", "Normal heart size."},
    };
    /** Size words by thirds of the drawn size: lesions are small/moderate/large, the heart mildly/moderately/markedly enlarged. */
    private static final String[] SIZES = {"small", "moderate", "large"};
    private static final String[] HEART_SIZES = {"mild", "moderate", "marked"};
    private static final String[] HEDGES = {"possible", "cannot exclude", "questionable"};
    private static final String[] FILLER = {
            "PA and lateral views of the chest were obtained.", "Comparison is made with the prior study.",
            "No pneumothorax.", "Osseous structures are unremarkable.", "Lines and tubes are unchanged.",
            "The mediastinal contour is stable.", "Patient is rotated slightly.", "Clinical correlation is advised.",
    };

    /** How sure the reader is of a present finding, from its drawn visibility. */
    enum Certainty { OMITTED, HEDGED, DEFINITE }

    private CxrReportText() {
    }

    static Certainty certainty(double visibility, double omitBelow, double hedgeBelow) {
        return visibility < omitBelow ? Certainty.OMITTED : visibility < hedgeBelow ? Certainty.HEDGED : Certainty.DEFINITE;
    }

    /** The size word for finding {@code k} (index into {@link CxrReportDataset#FINDINGS}) of drawn size 0..1. */
    static String sizeWord(int k, double size) {
        return (k == 3 ? HEART_SIZES : SIZES)[Math.min(2, (int) (3 * size))];
    }

    /**
     * @param findings   the image's findings, in {@link CxrReportDataset#FINDINGS} order
     * @param omitBelow  visibility below which a present finding goes unreported
     * @param hedgeBelow visibility below which it is reported with a hedge ("possible ...")
     * @param noise      probability scale of image-independent errors: false mentions and typos (0 = none)
     */
    static String write(CxrFinding[] findings, double omitBelow, double hedgeBelow, double noise, SplittableRandom rng) {
        List<String> sentences = new ArrayList<>();
        for (int k = 0; k < findings.length; k++) {
            CxrFinding f = findings[k];
            if (f.present()) {
                String name = pick(NAMES[k], rng);
                switch (certainty(f.visibility(), omitBelow, hedgeBelow)) {
                    case OMITTED -> { }
                    case HEDGED -> sentences.add(cap(pick(HEDGES, rng) + " " + sizeWord(k, f.size()) + " " + name
                            + (k == 3 ? "." : " in the " + f.location() + ".")));
                    case DEFINITE -> sentences.add(presentSentence(k, name, sizeWord(k, f.size()), f.location(), rng));
                }
            } else if (rng.nextDouble() < 0.2 * noise) {
                sentences.add(cap(pick(HEDGES, rng) + " " + pick(NAMES[k], rng) + "."));
            } else if (rng.nextDouble() < 0.6) {
                sentences.add(pick(NEGATIONS[k], rng));
            }
        }
        int fillers = 1 + rng.nextInt(3);
        for (int i = 0; i < fillers; i++) {
            String filler = pick(FILLER, rng);
            if (!sentences.contains(filler)) {
                sentences.add(filler);
            }
        }
        shuffle(sentences, rng);
        return typos(String.join(" ", sentences), 0.03 * noise, rng);
    }

    private static String presentSentence(int k, String name, String size, String location, SplittableRandom rng) {
        if (k == 3) {
            return cap(pick(new String[] {"there is " + size + " " + name + ".", "the heart is " + size + "ly enlarged.",
                    size + " " + name + " is present."}, rng));
        }
        return switch (rng.nextInt(3)) {
            case 0 -> cap("there is a " + size + " " + name + " in the " + location + ".");
            case 1 -> cap(size + " " + name + " is seen in the " + location + ".");
            default -> cap(location + " " + name + ", " + size + ".");
        };
    }
    private static String typos(String text, double rate, SplittableRandom rng) {
        char[] c = text.toCharArray();
        for (int i = 1; i + 1 < c.length; i++) {
            if (Character.isLetter(c[i]) && Character.isLetter(c[i + 1]) && rng.nextDouble() < rate) {
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
                i++;
            }
        }
        return new String(c);
    }

    private static String pick(String[] options, SplittableRandom rng) {
        return options[rng.nextInt(options.length)];
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static <T> void shuffle(List<T> list, SplittableRandom rng) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
