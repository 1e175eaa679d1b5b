package io.kdbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.MetricResult;
import io.kdbench.data.LabelMap;
import io.kdbench.io.ImageFiles;
import io.kdbench.io.InputFile;
import io.kdbench.io.ScoreTable;
import io.kdbench.metrics.classification.Auroc;
import io.kdbench.metrics.segmentation.CaseValue;
import io.kdbench.metrics.segmentation.LabelPairCounts;
import io.kdbench.metrics.segmentation.SegmentationScore;
import io.kdbench.metrics.segmentation.SegmentationTable;
import io.kdbench.metrics.surface.PercentileConvention;
import io.kdbench.store.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code kdbench metrics}: scores files made anywhere. Exit code 0 on success, 2 on bad input with one line on
 * stderr naming the file and the problem.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
        description = {"Score a predicted label map against a ground truth, or classifier scores against labels.",
                "Label maps: Dice, IoU, HD and HD95 per label; scores: AUROC."})
public class MetricsCommand implements Callable<Integer> {
    static final int BAD_INPUT = ExitCodes.BAD_INPUT;

    @Option(names = "--pred", paramLabel = "P", description = "predicted label map (.nii, .nii.gz, .png)")
    Path pred;

    @Option(names = "--gt", paramLabel = "G", description = "ground-truth label map (.nii, .nii.gz, .png)")
    Path gt;

    @Option(names = "--spacing", paramLabel = "sx,sy[,sz]",
            description = "voxel spacing, overriding the files' (default: NIfTI header; 1 for PNG)")
    String spacing;

    @Option(names = "--hd95", defaultValue = "monai", paramLabel = "monai|medpy",
            description = "HD95 convention: max of directed percentiles (monai) or pooled (medpy); default ${DEFAULT-VALUE}")
    String hd95;

    @Option(names = "--empty", defaultValue = "nan", paramLabel = "nan|penalty",
            description = "empty-mask policy; default ${DEFAULT-VALUE}")
    String empty;

    @Option(names = "--scores", paramLabel = "FILE.csv",
            description = "CSV with header label,score (binary) or label,score_0,...,score_k (multi-class)")
    Path scores;

    @Option(names = "--json", description = "write JSON (NaN as \"NaN\")")
    boolean json;

    @Spec
    CommandSpec spec;

    /** Bad input: the file (or option) and what is wrong with it. */
    private static final class BadInput extends Exception {
        BadInput(Object where, String problem) {
            super(where + ": " + problem);
        }

        BadInput(String problem) {
            super(problem);
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            boolean seg = pred != null || gt != null;
            if (seg == (scores != null) || seg && (pred == null || gt == null)) {
                throw new BadInput("give --pred and --gt, or --scores (see: kdbench metrics --help)");
            }
            out.print(seg ? segmentation() : classification());
            out.flush();
            return 0;
        } catch (BadInput e) {
            spec.commandLine().getErr().println("kdbench metrics: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return BAD_INPUT;
        }
    }

    private String segmentation() throws BadInput {
        PercentileConvention convention = parse("--hd95", () -> PercentileConvention.parse(hd95));
        EmptyPolicy policy = parse("--empty", () -> EmptyPolicy.parse(empty));
        LabelMap p = readLabels(pred);
        LabelMap g = readLabels(gt);
        if (!p.sameShape(g)) {
            throw new BadInput(pred, "shape " + p.shapeString() + " differs from " + g.shapeString() + " of " + gt);
        }
        if (spacing != null) {
            double[] s = parseSpacing(g);
            p = new LabelMap(p.labels(), p.depth(), p.height(), p.width(), s);
            g = new LabelMap(g.labels(), g.depth(), g.height(), g.width(), s);
        } else if (!sameSpacing(p.spacing(), g.spacing())) {
            throw new BadInput(pred, "spacing " + xyz(p.spacing()) + " differs from " + xyz(g.spacing()) + " of "
                    + gt + " (give --spacing to override both)");
        }
        LabelPairCounts counts = LabelPairCounts.of(p, g);
        List<String> labels = new ArrayList<>();
        for (int l = 1; l <= counts.maxLabel(); l++) {
            if (counts.predicted(l) > 0 || counts.truth(l) > 0) {
                labels.add(Integer.toString(l));
            }
        }
        Map<String, Map<String, MetricResult.Aggregate>> results = new LinkedHashMap<>();
        Map<String, SegmentationScore> reported = new LinkedHashMap<>();
        reported.put("dice", SegmentationScore.DICE);
        reported.put("iou", SegmentationScore.IOU);
        reported.put("hd", SegmentationScore.HD);
        reported.put("hd95", SegmentationScore.hd95(convention));
        for (Map.Entry<String, SegmentationScore> e : reported.entrySet()) {
            CaseValue[] row = new CaseValue[labels.size()];
            for (int i = 0; i < row.length; i++) {
                row[i] = e.getValue().score(counts, p, g, Integer.parseInt(labels.get(i)), policy);
            }
            SegmentationTable table = new SegmentationTable(labels);
            table.add("case", row);
            results.put(e.getKey(), table.aggregates());
        }
        Map<String, String> conventions = new LinkedHashMap<>();
        conventions.put("hd", SegmentationScore.HD.id());
        conventions.put("hd95", SegmentationScore.hd95(convention).id());
        conventions.put("empty", policy.id());
        conventions.put("spacing", xyz(g.spacing()));
        return json ? segmentationJson(results, labels, conventions) : segmentationText(results, labels, conventions);
    }

    private String segmentationJson(Map<String, Map<String, MetricResult.Aggregate>> results, List<String> labels,
                                    Map<String, String> conventions) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        results.forEach((metric, byLabel) -> {
            ObjectNode node = root.putObject(metric);
            for (String l : labels) {
                node.put(l, byLabel.get(l).value());
            }
            node.put(MetricResult.OVERALL, byLabel.get(MetricResult.OVERALL).value());
        });
        ObjectNode conv = root.putObject("conventions");
        conventions.forEach(conv::put);
        return write(root);
    }

    private static String segmentationText(Map<String, Map<String, MetricResult.Aggregate>> results,
                                           List<String> labels, Map<String, String> conventions) {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-8s", "label"));
        results.keySet().forEach(m -> sb.append(String.format(Locale.ROOT, "%12s", m)));
        sb.append(System.lineSeparator());
        List<String> rows = new ArrayList<>(labels);
        rows.add(MetricResult.OVERALL);
        for (String l : rows) {
            sb.append(String.format(Locale.ROOT, "%-8s", l));
            results.values().forEach(r -> sb.append(String.format(Locale.ROOT, "%12.6f", r.get(l).value())));
            sb.append(System.lineSeparator());
        }
        sb.append("conventions: ").append(conventions).append(System.lineSeparator());
        return sb.toString();
    }

    private String classification() throws BadInput {
        requireFile(scores);
        ScoreTable table;
        try {
            table = ScoreTable.read(scores);
        } catch (IOException e) {
            throw new BadInput(scores, "cannot read: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new BadInput(scores, e.getMessage());
        }
        int n = table.labels().length;
        double value;
        String averaging;
        String note;
        if (table.binary()) {
            Auroc.Value v = Auroc.binary(table.labels(), table.scores(), 0);
            value = v.value();
            averaging = "binary";
            note = v.reason();
        } else {
            int k = table.classes();
            Auroc.Averaged a = Auroc.oneVsRest(table.labels(), table.scores(), k);
            value = a.macro();
            averaging = "one-vs-rest macro over " + a.definedClasses() + " of " + k + " classes";
            note = a.note();
        }
        if (!json) {
            return String.format(Locale.ROOT, "auroc %.6f (%s, n=%d)%s%n", value, averaging, n,
                    note.isEmpty() ? "" : "; " + note);
        }
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("auroc", value);
        root.put("averaging", averaging);
        root.put("n", n);
        if (!note.isEmpty()) {
            root.put("note", note);
        }
        return write(root);
    }

    /** Written by the one JSON mapper of kdbench: indented, NaN as the string "NaN". */
    private static String write(ObjectNode root) {
        try {
            return Json.MAPPER.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + root, e);
        }
    }

    private static LabelMap readLabels(Path path) throws BadInput {
        requireFile(path);
        try {
            return ImageFiles.readLabelMap(path);
        } catch (IOException e) {
            throw new BadInput(path, "cannot read: " + e);
        } catch (IllegalArgumentException e) {
            throw new BadInput(path, e.getMessage());
        }
    }

    private static void requireFile(Path path) throws BadInput {
        String problem = InputFile.problem(path);
        if (problem != null) {
            throw new BadInput(path, problem);
        }
    }

    private <T> T parse(String option, java.util.function.Supplier<T> parser) throws BadInput {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new BadInput(option, e.getMessage());
        }
    }

    /** --spacing is x,y[,z] like the files' headers; kdbench stores (z, y, x). */
    private double[] parseSpacing(LabelMap g) throws BadInput {
        String[] parts = spacing.split(",");
        int expected = g.is3d() ? 3 : 2;
        if (parts.length != expected && parts.length != 3) {
            throw new BadInput("--spacing", "'" + spacing + "' needs " + expected + " comma-separated values");
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                v[i] = Double.NaN;
            }
            if (!(v[i] > 0) || Double.isInfinite(v[i])) {
                throw new BadInput("--spacing", "'" + parts[i].trim() + "' is not a positive number");
            }
        }
        return new double[] {parts.length == 3 ? v[2] : 1.0, v[1], v[0]};
    }

    private static boolean sameSpacing(double[] a, double[] b) {
        for (int i = 0; i < 3; i++) {
            if (Math.abs(a[i] - b[i]) > 1e-6 * Math.max(a[i], b[i])) {
                return false;
            }
        }
        return true;
    }

    private static String xyz(double[] zyx) {
        return Arrays.toString(new double[] {zyx[2], zyx[1], zyx[0]});
    }
}
