package io.kdbench.api;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One parameter of a {@link Parameterised} component: its name, its default (whose type is the parameter's type:
 * Integer, Long, Double, Boolean, String or a List of those), the values it accepts and one line of meaning. The
 * declaration is all three at once: {@link ParamSpec#defaults()} gives the default, {@link #check} refuses a value
 * out of range with the parameter's name, the range and the value ("steps must be >= 1, got 0"), and
 * {@code kdbench list --describe} prints name, type, default, range and meaning from it.
 *
 * <p>Build one with {@link #of} and narrow its range with {@link #atLeast}, {@link #positive}, {@link #nonNegative},
 * {@link #fraction}, {@link #in}, {@link #oneOf} or, for a rule that involves other parameters and is checked in
 * {@link Parameterised#validate}, {@link #described}.
 */
public record Param(String name, Object defaultValue, Range range, String meaning) {

    public Param {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, name + ": default");
        Objects.requireNonNull(range, name + ": range");
        Objects.requireNonNull(meaning, name + ": meaning");
    }

    /** A parameter of any value of its default's type; narrow it with the methods below. */
    public static Param of(String name, Object defaultValue, String meaning) {
        return new Param(name, defaultValue, Range.ANY, meaning);
    }

    /** The type shown in listings: int, number, boolean, string, or list of one of those. */
    public String type() {
        return typeOf(defaultValue);
    }

    private static String typeOf(Object v) {
        if (v instanceof Integer || v instanceof Long) {
            return "int";
        }
        if (v instanceof Double || v instanceof Float) {
            return "number";
        }
        if (v instanceof Boolean) {
            return "boolean";
        }
        if (v instanceof List<?> list) {
            return list.isEmpty() ? "list" : "list of " + typeOf(list.get(0));
        }
        return "string";
    }

    /** The default as an experiment file would write it (strings quoted when empty, lists in brackets). */
    public String defaultText() {
        if (defaultValue instanceof String s) {
            return s.isEmpty() ? "\"\"" : s;
        }
        if (defaultValue instanceof Double d && String.valueOf(d).contains("E")) {
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString(); // 1.0E-4 as 0.0001
        }
        return String.valueOf(defaultValue);
    }

    /** The same parameter under {@code prefix + name}, e.g. {@code teacher_steps}. */
    public Param prefixed(String prefix, String meaningPrefix) {
        return new Param(prefix + name, defaultValue, range, meaningPrefix + meaning);
    }

    /** An integer at least {@code min}. */
    public Param atLeast(long min) {
        return with(new Range(">= " + min, v -> ((Number) v).longValue() >= min));
    }

    /** An integer in [lo, hi]. */
    public Param in(long lo, long hi) {
        return with(new Range("[" + lo + ", " + hi + "]", v -> {
            long x = ((Number) v).longValue();
            return x >= lo && x <= hi;
        }));
    }

    /** A finite number above 0. */
    public Param positive() {
        return with(new Range("> 0", v -> number(v) > 0 && Double.isFinite(number(v))));
    }

    /** A finite number of at least 0. */
    public Param nonNegative() {
        return with(new Range(">= 0", v -> number(v) >= 0 && Double.isFinite(number(v))));
    }

    /** A number in [0, 1]. */
    public Param fraction() {
        return in(0, true, 1, true);
    }

    /** A number between lo and hi, each end included or not: {@code in(0, false, 1, true)} is (0, 1]. */
    public Param in(double lo, boolean loIncluded, double hi, boolean hiIncluded) {
        String text = (loIncluded ? "[" : "(") + plain(lo) + ", " + plain(hi) + (hiIncluded ? "]" : ")");
        return with(new Range(text, v -> {
            double x = number(v);
            return (loIncluded ? x >= lo : x > lo) && (hiIncluded ? x <= hi : x < hi);
        }));
    }

    /** One of the given strings. */
    public Param oneOf(String... choices) {
        List<String> valid = List.of(choices);
        return with(new Range("one of " + String.join(", ", valid), v -> valid.contains(String.valueOf(v))));
    }

    /**
     * A range this declaration only states: the component's {@link Parameterised#validate} (or what it parses the
     * parameters with) checks it, because it depends on other parameters or on files.
     */
    public Param described(String rangeText) {
        return with(new Range(rangeText, null));
    }

    private Param with(Range r) {
        return new Param(name, defaultValue, r, meaning);
    }

    /** Refuses a value out of range: "NAME must be RANGE, got VALUE". */
    public void check(Params params) {
        if (range.accepts() == null) {
            return;
        }
        Object v = params.asMap().get(name);
        if (!range.accepts().test(v)) {
            throw new IllegalArgumentException(name + " must be " + range.phrase() + ", got " + shown(v));
        }
    }

    private static String shown(Object v) {
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        return String.valueOf(v);
    }

    private static double number(Object v) {
        return ((Number) v).doubleValue();
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /**
     * The values a parameter accepts: the text listings show and, unless the rule is checked elsewhere (null),
     * the test applied to a value of the parameter's type.
     */
    public record Range(String text, Predicate<Object> accepts) {
        /** Every value of the parameter's type. */
        public static final Range ANY = new Range("any", null);

        /** The range in a sentence: "in [0, 1)" for an interval, else the text itself (">= 1", "one of a, b"). */
        public String phrase() {
            return text.startsWith("[") || text.startsWith("(") ? "in " + text : text;
        }
    }
}
