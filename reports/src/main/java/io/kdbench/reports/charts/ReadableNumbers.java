package io.kdbench.reports.charts;

import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Tick labels a reader takes in at a glance: thousands separated and at most three decimals ("14,125", "0.316"), and
 * small values in scientific form ("1e-4") rather than rounded to 0.
 */
final class ReadableNumbers extends NumberFormat {
    private static final double SMALL = 1e-3;
    private final DecimalFormat plain = new DecimalFormat("#,##0.###");
    private final DecimalFormat small = new DecimalFormat("0.#E0");

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
        if (number != 0 && Math.abs(number) < SMALL) {
            return toAppendTo.append(small.format(number).replace("E", "e"));
        }
        return plain.format(number, toAppendTo, pos);
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
        return plain.format(number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        return plain.parse(source, parsePosition);
    }
}
