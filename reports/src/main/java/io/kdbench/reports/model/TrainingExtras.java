package io.kdbench.reports.model;

import io.kdbench.api.Selection;
import io.kdbench.api.TrainingLog;
import io.kdbench.store.CellRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what a method stored about its training: the teachers' validation scores (extras {@value TrainingLog#TEACHERS})
 * and its model selections (extras {@value TrainingLog#SELECTION}). A fresh cell holds what {@link TrainingLog} put
 * there; one read back from JSON holds plain maps, lists and numbers, with NaN as the string "NaN". Both are empty
 * when the method stored nothing; a malformed entry is left out rather than failing the report.
 */
public final class TrainingExtras {
    /** One teacher's score on the validation split. */
    public record TeacherScore(String metric, double validation) {
    }

    private TrainingExtras() {
    }

    /** Teacher name to its validation score, in the stored order. */
    public static Map<String, TeacherScore> teachers(CellRecord cell) {
        Map<String, TeacherScore> out = new LinkedHashMap<>();
        if (cell.extras().get(TrainingLog.TEACHERS) instanceof Map<?, ?> teachers) {
            teachers.forEach((name, entry) -> {
                if (entry instanceof Map<?, ?> m) {
                    out.put(String.valueOf(name), new TeacherScore(String.valueOf(m.get("metric")), number(m.get("validation"))));
                }
            });
        }
        return out;
    }

    /** Model name (e.g. "student") to how it was chosen, in the stored order. */
    public static Map<String, Selection> selections(CellRecord cell) {
        Map<String, Selection> out = new LinkedHashMap<>();
        if (cell.extras().get(TrainingLog.SELECTION) instanceof Map<?, ?> selections) {
            selections.forEach((name, entry) -> {
                Selection s = selection(entry);
                if (s != null) {
                    out.put(String.valueOf(name), s);
                }
            });
        }
        return out;
    }

    private static Selection selection(Object entry) {
        if (entry instanceof Selection s) {
            return s;
        }
        if (!(entry instanceof Map<?, ?> m)) {
            return null;
        }
        try {
            List<Integer> steps = new ArrayList<>();
            List<Double> scores = new ArrayList<>();
            for (Object o : (List<?>) m.get("steps")) {
                steps.add((int) number(o));
            }
            for (Object o : (List<?>) m.get("scores")) {
                scores.add(number(o));
            }
            return new Selection(String.valueOf(m.get("metric")), (int) number(m.get("every")), steps, scores,
                    (int) number(m.get("chosenStep")), number(m.get("chosenScore")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A number as stored: a Number, or a string such as "NaN"; NaN when missing or unreadable. */
    static double number(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (o instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }
}
