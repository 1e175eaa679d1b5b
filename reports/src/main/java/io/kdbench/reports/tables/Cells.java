package io.kdbench.reports.tables;

import io.kdbench.reports.model.Leaderboard;
import io.kdbench.stats.Interval;

import java.util.Locale;

/** How one leaderboard value is written in every table: mean ± sd [95% CI lower, upper]. */
public final class Cells {
    private Cells() {
    }

    /** "0.812 ± 0.010 [0.787, 0.837]"; fewer parts when there are fewer seeds; "NaN" when none is defined. */
    public static String value(Leaderboard.Entry e, String plusMinus) {
        int n = e.values().length;
        if (n == 0) {
            return "NaN";
        }
        if (n == 1) {
            return num(e.mean());
        }
        Interval ci = e.ci();
        return num(e.mean()) + " " + plusMinus + " " + num(e.sd()) + " [" + num(ci.lower()) + ", " + num(ci.upper()) + "]";
    }

    /** Case counts, only when some case was undefined or penalised. */
    public static String counts(Leaderboard.Entry e) {
        if (e.nValid() == e.nCases() && e.nPenalised() == 0 && e.nanSeeds() == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder("n_valid ").append(e.nValid()).append('/').append(e.nCases());
        if (e.nPenalised() > 0) {
            sb.append(", ").append(e.nPenalised()).append(" penalised");
        }
        if (e.nanSeeds() > 0) {
            sb.append(", ").append(e.nanSeeds()).append(" NaN seeds");
        }
        return sb.toString();
    }

    public static String num(double v) {
        return Double.isNaN(v) ? "NaN" : String.format(Locale.ROOT, "%.3f", v);
    }
}
