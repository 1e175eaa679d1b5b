package io.kdbench.datasets.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes a short radiology-style report from the findings a chest image shows: a sentence per present
 * finding with its location, negations for some absent ones, filler, and noise (a present finding
 * omitted or hedged, a false mention, letter typos), in shuffled order.
 */
final class ReportWriter {
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
    private static final String[] SIZES = {"small", "mild", "subtle", "moderate", "faint"};
    private static final String[] FILLER = {
            "PA and lateral views of the chest were obtained.", "Comparison is made with the prior study.",
            "No pneumothorax.", "Osseous structures are unremarkable.", "Lines and tubes are unchanged.",
            "The mediastinal contour is stable.", "Patient is rotated slightly.", "Clinical correlation is advised.",
    };

    private ReportWriter() {
    }

    /**
     * @param present   which findings are in the image
     * @param locations for present findings, e.g. "right lower zone" (ignored where absent)
     * @param noise     probability scale of the report errors (0 = faithful report)
     */
    static String write(boolean[] present, String[] locations, double noise, SplittableRandom rng) {
        List<String> sentences = new ArrayList<>();
        for (int k = 0; k < present.length; k++) {
            if (present[k]) {
                double u = rng.nextDouble();
                if (u < 0.5 * noise) {
                    continue; // the radiologist missed or did not mention it
                }
                String name = pick(NAMES[k], rng);
                if (u < noise) {
                    sentences.add(cap("cannot exclude " + name + (k == 3 ? "." : " in the " + locations[k] + ".")));
                } else {
                    sentences.add(presentSentence(k, name, locations[k], rng));
                }
            } else if (rng.nextDouble() < 0.2 * noise) {
                sentences.add(cap("possible " + pick(NAMES[k], rng) + "."));
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

    private static String presentSentence(int k, String name, String location, SplittableRandom rng) {
        if (k == 3) {
            return cap(pick(new String[] {"there is " + name + ".", "the heart is enlarged.", name + " is present."}, rng));
        }
        String size = pick(SIZES, rng);
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
