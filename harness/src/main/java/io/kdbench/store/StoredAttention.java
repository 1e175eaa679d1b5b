package io.kdbench.store;

import io.kdbench.data.Image;
import io.kdbench.data.Prediction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The attention maps of a cell's first few test cases, kept in the cell's extras (key {@link #KEY}) so the report
 * can draw them over their images without rerunning the model. 2-D maps only; a few KB per cell.
 */
public final class StoredAttention {
    public static final String KEY = "kdbench.attention";
    static final int CASES = 4;

    /** One case's map, row-major {@code height x width}. */
    public record Map2d(String caseId, int height, int width, float[] values) {
    }

    private StoredAttention() {
    }

    /** The first {@value #CASES} 2-D attention maps among the predictions, ready for the extras; empty if none. */
    public static List<Map<String, Object>> of(List<Prediction> predictions) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Prediction p : predictions) {
            Image a = p.attention();
            if (a == null || a.is3d() || out.size() == CASES) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("case", p.caseId());
            m.put("height", a.height());
            m.put("width", a.width());
            m.put("values", java.util.Arrays.copyOf(a.data(), a.height() * a.width()));
            out.add(m);
        }
        return out;
    }

    /** A fresh cell holds the float[] it was given; one read back from JSON holds a list of numbers. */
    private static float[] floats(Object values) {
        if (values instanceof float[] f) {
            return f;
        }
        List<?> list = (List<?>) values;
        float[] v = new float[list.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) list.get(i)).floatValue();
        }
        return v;
    }

    /** The maps a stored cell kept, in order; empty if it kept none. */
    public static List<Map2d> read(CellRecord cell) {
        Object raw = cell.extras().get(KEY);
        List<Map2d> out = new ArrayList<>();
        if (!(raw instanceof List<?> list)) {
            return out;
        }
        for (Object o : list) {
            Map<?, ?> m = (Map<?, ?>) o;
            float[] v = floats(m.get("values"));
            out.add(new Map2d(String.valueOf(m.get("case")), ((Number) m.get("height")).intValue(),
                    ((Number) m.get("width")).intValue(), v));
        }
        return out;
    }
}
