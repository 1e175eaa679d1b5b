package io.kdbench.reports.charts;

import io.kdbench.reports.model.Leaderboard;
import io.kdbench.store.CellRecord;

import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One {@link MethodStyle} per method for the whole report. Colours are given in the experiment's order, each method
 * taking the first colour of the palette that no method sharing a dataset with it has taken, so two methods that
 * can meet in a chart never share a colour and a method keeps its colour in every chart. Competitors and upper
 * bounds take the Okabe-Ito colours (distinguishable with the common colour-vision deficiencies), then Paul Tol's
 * muted ones; floors take greys.
 */
public final class MethodStyles {
    /** Okabe-Ito without black (kept for text) and with yellow last (weak on white), then Paul Tol's muted scheme. */
    static final List<Color> COLOURS = List.of(
            new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7), new Color(0xE69F00),
            new Color(0x56B4E9), new Color(0xF0E442),
            new Color(0x332288), new Color(0x44AA99), new Color(0x882255), new Color(0x999933), new Color(0xCC6677),
            new Color(0xDDCC77), new Color(0x88CCEE));
    /** Floors: references, drawn in greys. */
    static final List<Color> GREYS = List.of(new Color(0x555555), new Color(0x999999), new Color(0x333333),
            new Color(0xBBBBBB));

    private final Map<String, MethodStyle> styles;

    private MethodStyles(Map<String, MethodStyle> styles) {
        this.styles = styles;
    }

    /** Styles of the board's methods, with the datasets each was run on taken from all cells (failed ones too). */
    public static MethodStyles of(Leaderboard board, List<CellRecord> cells) {
        Map<String, Set<String>> datasets = new LinkedHashMap<>();
        for (String m : board.methods()) {
            datasets.put(m, new HashSet<>());
        }
        for (CellRecord c : cells) {
            datasets.computeIfAbsent(c.spec().method(), k -> new HashSet<>()).add(c.spec().dataset());
        }
        Map<String, MethodStyle.Kind> kinds = new LinkedHashMap<>();
        for (String m : datasets.keySet()) {
            kinds.put(m, board.upperBound(m) ? MethodStyle.Kind.UPPER_BOUND
                    : board.floor(m) ? MethodStyle.Kind.FLOOR : MethodStyle.Kind.COMPETITOR);
        }
        return of(kinds, datasets);
    }

    /**
     * @param kinds    every method in the experiment's order, with what its row is for
     * @param datasets the datasets each method was run on
     */
    public static MethodStyles of(Map<String, MethodStyle.Kind> kinds, Map<String, Set<String>> datasets) {
        Map<String, MethodStyle> out = new LinkedHashMap<>();
        for (Map.Entry<String, MethodStyle.Kind> e : kinds.entrySet()) {
            String m = e.getKey();
            Set<Color> taken = new HashSet<>();
            for (MethodStyle other : out.values()) {
                if (meet(datasets.getOrDefault(m, Set.of()), datasets.getOrDefault(other.method(), Set.of()))) {
                    taken.add(other.colour());
                }
            }
            List<Color> palette = e.getValue() == MethodStyle.Kind.FLOOR ? concat(GREYS, COLOURS) : COLOURS;
            Color colour = palette.stream().filter(c -> !taken.contains(c)).findFirst()
                    .orElse(palette.get(out.size() % palette.size())); // more methods on one dataset than colours
            out.put(m, new MethodStyle(m, colour, e.getValue()));
        }
        return new MethodStyles(out);
    }

    /** The style of a method; a method not seen when the styles were made gets black. */
    public MethodStyle style(String method) {
        MethodStyle s = styles.get(method);
        return s != null ? s : new MethodStyle(method, Color.BLACK, MethodStyle.Kind.COMPETITOR);
    }

    /** The styles of these methods, in the given order. */
    public List<MethodStyle> styles(List<String> methods) {
        return methods.stream().map(this::style).toList();
    }

    public List<MethodStyle> all() {
        return List.copyOf(styles.values());
    }

    private static boolean meet(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    private static List<Color> concat(List<Color> a, List<Color> b) {
        List<Color> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
