package io.kdbench.reports.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

/**
 * How one method is drawn in every chart of a report: its colour, and whether it is a competitor (filled marks,
 * solid lines), a floor (hollow marks, dashed lines) or an upper bound (hollow marks, dotted lines).
 */
public record MethodStyle(String method, Color colour, Kind kind) {

    /** What the method's row is for. */
    public enum Kind {
        COMPETITOR(""),
        FLOOR(" (floor)"),
        UPPER_BOUND(" (upper bound)");

        private final String suffix;

        Kind(String suffix) {
            this.suffix = suffix;
        }
    }

    private static final Stroke SOLID = new BasicStroke(1.6f);
    private static final Stroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 3f}, 0f);
    private static final Stroke DOTTED = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {1.5f, 3f}, 0f);

    /** The name as legends show it: "prior (floor)", "mmpkd-teacher (upper bound)". */
    public String label() {
        return method + kind.suffix;
    }

    /** Competitors are drawn filled; floors and upper bounds hollow. */
    public boolean filled() {
        return kind == Kind.COMPETITOR;
    }

    /** Lines and interval whiskers: solid for competitors, dashed for floors, dotted for upper bounds. */
    public Stroke stroke() {
        return switch (kind) {
            case COMPETITOR -> SOLID;
            case FLOOR -> DASHED;
            case UPPER_BOUND -> DOTTED;
        };
    }

    /** The colour with an alpha, for seed points and bar fills under a stronger outline. */
    public Color translucent(int alpha) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), alpha);
    }
}
