package io.kdbench.methods.mmpkd.teachers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Word unigrams and bigrams of a text, and a vocabulary of those seen at least {@code minCount} times in the
 * training texts (sorted, so the feature order does not depend on hash order). Features are binary presence.
 */
public final class NgramVocabulary {
    private final Map<String, Integer> index = new LinkedHashMap<>();

    public NgramVocabulary(List<String> texts, int minCount) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String text : texts) {
            for (String g : new java.util.TreeSet<>(ngrams(text))) {
                counts.merge(g, 1, Integer::sum);
            }
        }
        counts.forEach((g, c) -> {
            if (c >= minCount) {
                index.put(g, index.size());
            }
        });
        if (index.isEmpty()) {
            throw new IllegalArgumentException("no n-gram occurs in at least " + minCount + " training texts");
        }
    }

    /** Lower-cased letter runs, then unigrams and "a b" bigrams. */
    public static List<String> ngrams(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z]+")) {
            if (!w.isEmpty()) {
                words.add(w);
            }
        }
        List<String> out = new ArrayList<>(words);
        for (int i = 0; i + 1 < words.size(); i++) {
            out.add(words.get(i) + " " + words.get(i + 1));
        }
        return out;
    }

    public int size() {
        return index.size();
    }

    /** Binary presence vector of the vocabulary's n-grams. */
    public float[] features(String text) {
        float[] f = new float[index.size()];
        for (String g : ngrams(text == null ? "" : text)) {
            Integer i = index.get(g);
            if (i != null) {
                f[i] = 1;
            }
        }
        return f;
    }
}
