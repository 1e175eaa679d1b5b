package io.kdbench.reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks of a written report made from its files alone, as a reader of the figures would: the colour of each method
 * in every chart's legend (read from the SVG: the last colour drawn before the method's name, black and white aside),
 * intervals against their metric's range ({@code intervals.csv}), and units on the axes of distance metrics.
 */
public final class ReportFileChecks {
    private static final Pattern TOKEN = Pattern.compile(
            "(?:fill|stroke)(?::|=\")\\s*(rgb\\(\\d+,\\s*\\d+,\\s*\\d+\\)|#[0-9a-fA-F]{6}|black|white)|<text[^>]*>([^<]*)</text\\s*>");
    private static final Pattern RGB = Pattern.compile("rgb\\((\\d+),\\s*(\\d+),\\s*(\\d+)\\)");

    private ReportFileChecks() {
    }

    /** For each SVG of the folder: legend label to the colour drawn just before it (#rrggbb), in document order. */
    public static Map<String, Map<String, String>> legendColours(Path charts, Collection<String> labels) throws IOException {
        Map<String, Map<String, String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.list(charts)) {
            for (Path svg : files.filter(p -> p.toString().endsWith(".svg")).sorted().toList()) {
                Map<String, String> found = legendColours(Files.readString(svg), labels);
                if (!found.isEmpty()) {
                    out.put(svg.getFileName().toString(), found);
                }
            }
        }
        return out;
    }

    static Map<String, String> legendColours(String svg, Collection<String> labels) {
        Map<String, String> out = new LinkedHashMap<>();
        String colour = null;
        Matcher m = TOKEN.matcher(svg);
        while (m.find()) {
            if (m.group(1) != null) {
                String c = hex(m.group(1));
                if (!c.equals("#000000") && !c.equals("#ffffff")) {
                    colour = c;
                }
            } else {
                String text = m.group(2).trim().replace("&amp;", "&");
                if (labels.contains(text) && colour != null) {
                    out.put(text, colour);
                }
            }
        }
        return out;
    }

    /**
     * Problems with colours across charts: a label with two colours in different charts, or two labels with one colour
     * in the same chart. Empty when every method has one colour everywhere.
     */
    public static List<String> colourProblems(Map<String, Map<String, String>> byChart) {
        List<String> problems = new ArrayList<>();
        Map<String, String> colourOf = new TreeMap<>();
        Map<String, String> firstChart = new TreeMap<>();
        byChart.forEach((chart, colours) -> {
            Map<String, String> labelOf = new TreeMap<>();
            colours.forEach((label, colour) -> {
                String method = method(label);
                String before = colourOf.putIfAbsent(method, colour);
                if (before != null && !before.equals(colour)) {
                    problems.add(method + " is " + before + " in " + firstChart.get(method) + " but " + colour + " in " + chart);
                }
                firstChart.putIfAbsent(method, chart);
                String other = labelOf.putIfAbsent(colour, method);
                if (other != null && !other.equals(method)) {
                    problems.add(chart + ": " + other + " and " + method + " share " + colour);
                }
            });
        });
        return problems;
    }

    /** "prior (floor)" -> "prior". */
    static String method(String label) {
        return label.replaceAll(" \\((floor|upper bound)\\)$", "");
    }

    /** Lines of intervals.csv whose interval leaves the metric's range. */
    public static List<String> intervalsOutsideRange(Path intervalsCsv) throws IOException {
        List<String> lines = Files.readAllLines(intervalsCsv);
        List<String> header = List.of(lines.get(0).split(","));
        int lower = header.indexOf("lower");
        int upper = header.indexOf("upper");
        int rangeLower = header.indexOf("range_lower");
        int rangeUpper = header.indexOf("range_upper");
        List<String> bad = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double lo = number(f[lower]);
            double hi = number(f[upper]);
            if (lo < number(f[rangeLower]) || hi > number(f[rangeUpper])) {
                bad.add(line);
            }
        }
        return bad;
    }

    /**
     * Figures with a panel of a metric that has a unit (a distance in mm) whose SVG does not show that unit on an axis.
     *
     * @param units metric id to unit
     */
    public static List<String> axesWithoutUnits(Path charts, Map<String, String> units) throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = Files.list(charts)) {
            for (Path svg : files.filter(p -> p.getFileName().toString().startsWith("metrics-") && p.toString().endsWith(".svg"))
                    .sorted().toList()) {
                List<String> texts = texts(Files.readString(svg));
                units.forEach((metric, unit) -> {
                    long panels = texts.stream().filter(metric::equals).count();
                    long axes = texts.stream().filter(t -> t.startsWith(unit + ",")).count();
                    if (panels > 0 && axes < panels) {
                        bad.add(svg.getFileName() + ": " + panels + " panel(s) of " + metric + ", " + axes + " axis label(s) in " + unit);
                    }
                });
            }
        }
        return bad;
    }

    static List<String> texts(String svg) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<text[^>]*>([^<]*)</text\\s*>").matcher(svg);
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }

    private static double number(String s) {
        return switch (s) {
            case "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NA" -> Double.NaN;
            default -> Double.parseDouble(s);
        };
    }

    private static String hex(String colour) {
        if (colour.equals("black")) {
            return "#000000";
        }
        if (colour.equals("white")) {
            return "#ffffff";
        }
        Matcher m = RGB.matcher(colour);
        if (m.matches()) {
            return String.format(Locale.ROOT, "#%02x%02x%02x", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        }
        return colour.toLowerCase(Locale.ROOT);
    }
}
