package io.kdbench.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects a training run's loss curve (one value per epoch, per named curve) and extra facts the method
 * wants stored with the cell (e.g. bytes sent per federated round). Not thread-safe: one per cell.
 */
public final class TrainingLog {
    /** Extras key of the teachers' validation scores: teacher name to {metric, validation}. */
    public static final String TEACHERS = "kdbench.teachers";
    /** Extras key of the model selections: training name to {@link Selection}. */
    public static final String SELECTION = "kdbench.selection";

    private final Map<String, List<Double>> curves = new LinkedHashMap<>();
    private final Map<String, Object> extras = new LinkedHashMap<>();

    /** Records one point of a curve. A NaN or infinite loss is a divergence: it throws. */
    public void record(String curve, int epoch, double value) {
        if (!Double.isFinite(value)) {
            throw new DivergenceException(curve, epoch, value);
        }
        curves.computeIfAbsent(curve, k -> new ArrayList<>()).add(value);
    }

    public void put(String key, Object value) {
        extras.put(key, value);
    }

    /** Records a teacher's score on the validation split (the dataset's primary metric). */
    @SuppressWarnings("unchecked")
    public void teacher(String name, String metric, double validationScore) {
        Map<String, Object> teachers = (Map<String, Object>) extras.computeIfAbsent(TEACHERS, k -> new LinkedHashMap<>());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("metric", metric);
        entry.put("validation", validationScore);
        teachers.put(name, entry);
    }

    /** Records how the model named {@code name} (e.g. "student") was chosen on the validation split. */
    @SuppressWarnings("unchecked")
    public void selection(String name, Selection selection) {
        ((Map<String, Object>) extras.computeIfAbsent(SELECTION, k -> new LinkedHashMap<>())).put(name, selection);
    }

    public Map<String, List<Double>> curves() {
        return Collections.unmodifiableMap(curves);
    }

    public Map<String, Object> extras() {
        return Collections.unmodifiableMap(extras);
    }
}
