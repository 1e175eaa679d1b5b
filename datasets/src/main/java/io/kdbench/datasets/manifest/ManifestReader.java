package io.kdbench.datasets.manifest;

import io.kdbench.api.Task;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Sample;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Reads a whole manifest: checks every row, reads and preprocesses every file it names. Rows are read in
 * parallel, but the error reported is always the one of the first bad row (then the first bad column in
 * the order id, split, site, spacing, images, mask, label, tabular), so messages do not depend on timing.
 * Checks that need all rows (duplicate ids, channel counts and sizes per modality) follow in row order.
 */
public final class ManifestReader {
    private final ManifestSettings settings;
    private final Path manifest;
    private final CaseFileReader files;
    private final CasePreprocessing preprocessing;

    public ManifestReader(ManifestSettings settings) {
        this.settings = settings;
        this.manifest = settings.manifest();
        Path base = manifest.toAbsolutePath().getParent();
        this.files = new CaseFileReader(base, settings.reorient());
        this.preprocessing = new CasePreprocessing(settings.size(), settings.spacing(), settings.normalise());
    }

    public List<ManifestCase> read() {
        CsvTable table = CsvTable.read(manifest);
        settings.checkHeader(table.header());
        if (table.rows().isEmpty()) {
            throw new ManifestException(manifest, "the manifest has a header but no rows");
        }
        checkIds(table);
        List<Object> results = IntStream.range(0, table.rows().size()).parallel()
                .mapToObj(i -> {
                    try {
                        return (Object) readRow(table, table.rows().get(i));
                    } catch (ManifestException e) {
                        return e;
                    }
                }).toList();
        List<ManifestCase> cases = new ArrayList<>(results.size());
        for (Object r : results) {
            if (r instanceof ManifestException e) {
                throw e;
            }
            cases.add((ManifestCase) r);
        }
        checkShapes(cases);
        return cases;
    }

    private void checkIds(CsvTable table) {
        Map<String, CsvTable.Row> seen = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String id = table.cell(row, ManifestSettings.ID);
            if (id.isEmpty()) {
                throw new ManifestException(manifest, row, id, ManifestSettings.ID, "empty id");
            }
            CsvTable.Row first = seen.putIfAbsent(id, row);
            if (first != null) {
                throw new ManifestException(manifest, row, id, ManifestSettings.ID, "duplicate id, first used on row "
                        + first.number() + " (line " + first.line() + ")");
            }
        }
    }

    /**
     * Every image of one modality has the channel count and, after preprocessing, the shape of the first row's: a
     * model has one input shape, and a mismatch found here costs the user a message instead of every cell.
     */
    private void checkShapes(List<ManifestCase> cases) {
        Map<String, ManifestCase> firsts = new HashMap<>();
        for (ManifestCase c : cases) {
            for (String m : settings.images()) {
                Image im = c.sample().image(m);
                ManifestCase first = firsts.computeIfAbsent(m, k -> c);
                Image expected = first.sample().image(m);
                String where = "row " + first.row().number() + " (id " + first.sample().id() + ")";
                if (im.channels() != expected.channels()) {
                    throw new ManifestException(manifest, c.row(), c.sample().id(), m, "image has " + im.channels()
                            + " channel(s), " + where + " has " + expected.channels() + " (e.g. gray and RGB mixed)");
                }
                if (!shape(im).equals(shape(expected))) {
                    throw new ManifestException(manifest, c.row(), c.sample().id(), m, "image is " + shape(im)
                            + " but " + where + " is " + shape(expected) + "; a model takes one size: set the "
                            + "dataset's size parameter (e.g. size: " + sizeExample(expected) + ") to resample all");
                }
            }
        }
    }

    private static String sizeExample(Image im) {
        return im.depth() == 1 ? "[" + im.height() + ", " + im.width() + "]"
                : "[" + im.depth() + ", " + im.height() + ", " + im.width() + "]";
    }

    private ManifestCase readRow(CsvTable table, CsvTable.Row row) {
        RowReader r = new RowReader(table, row);
        String id = r.cell(ManifestSettings.ID);
        SplitName split = r.parse(ManifestSettings.SPLIT, SplitName::parse);
        String site = r.cell(ManifestSettings.SITE);
        double[] spacing = r.parse(ManifestSettings.SPACING, SpacingCell::parse);

        Map<String, Image> raw = new LinkedHashMap<>();
        for (String m : settings.images()) {
            String cell = r.cell(m);
            if (cell.isEmpty()) {
                throw r.error(m, "empty image path");
            }
            Image im = r.parse(m, c -> files.image(c, spacing));
            if (settings.task() == Task.SEGMENTATION_2D && im.is3d()) {
                throw r.error(m, "a volume of depth " + im.depth() + ", but task is segmentation-2d");
            }
            raw.put(m, im);
        }
        Image first = raw.get(settings.images().get(0));

        LabelMap mask = null;
        String maskCell = r.cell(ManifestSettings.MASK);
        if (!maskCell.isEmpty()) {
            mask = r.parse(ManifestSettings.MASK, c -> files.mask(c, spacing));
            if (mask.depth() != first.depth() || mask.height() != first.height() || mask.width() != first.width()) {
                throw r.error(ManifestSettings.MASK, "mask is " + mask.shapeString() + " (depth x height x width) but "
                        + "image '" + settings.images().get(0) + "' is " + shape(first));
            }
            if (settings.task().isSegmentation()) {
                checkMaskLabels(r, mask);
            }
            // the image's spacing is the case's; a PNG mask beside a NIfTI image has none of its own
            mask = preprocessing.mask(new LabelMap(mask.labels(), mask.depth(), mask.height(), mask.width(),
                    first.spacing()), first);
        }

        int label = -1;
        float[] targets = null;
        boolean labelled;
        Task task = settings.task();
        if (task.isSegmentation()) {
            labelled = mask != null;
        } else if (task == Task.MULTILABEL_CLASSIFICATION) {
            targets = targets(r);
            labelled = targets != null;
        } else {
            String cell = r.cell(ManifestSettings.LABEL);
            label = cell.isEmpty() ? -1 : settings.classes().indexOf(cell);
            if (!cell.isEmpty() && label < 0) {
                throw r.error(ManifestSettings.LABEL, "'" + cell + "' is not one of the declared classes "
                        + settings.classes());
            }
            labelled = label >= 0;
        }
        if (!labelled && split != null && split != SplitName.TRAIN) {
            throw r.error(task.isSegmentation() ? ManifestSettings.MASK : task == Task.MULTILABEL_CLASSIFICATION
                    ? settings.classes().get(0) : ManifestSettings.LABEL, "no label, but the row is in split "
                    + split.id() + "; only training rows may be unlabelled");
        }

        double[] tabular = null;
        if (!settings.tabular().isEmpty()) {
            tabular = new double[settings.tabular().size()];
            for (int k = 0; k < tabular.length; k++) {
                tabular[k] = number(r, settings.tabular().get(k));
            }
        }
        String text = settings.text().isEmpty() ? null : r.cell(settings.text());

        Map<String, Image> images = new LinkedHashMap<>();
        raw.forEach((m, im) -> images.put(m, preprocessing.image(im)));
        Sample sample = Sample.of(id, images).withLabel(label).withTargets(targets).withMask(mask).withText(text)
                .withTabular(tabular).withClient(site.isEmpty() ? null : site).withLabelled(labelled);
        return new ManifestCase(sample, split, row);
    }

    private void checkMaskLabels(RowReader r, LabelMap mask) {
        int classes = settings.classes().size();
        for (int i = 0; i < mask.size(); i++) {
            if (mask.label(i) >= classes) {
                int x = i % mask.width();
                int y = (i / mask.width()) % mask.height();
                int z = i / (mask.width() * mask.height());
                throw r.error(ManifestSettings.MASK, "label " + mask.label(i) + " at (x=" + x + ", y=" + y + ", z=" + z
                        + ") is outside the declared classes 0.." + (classes - 1) + " " + settings.classes());
            }
        }
    }

    /** One 0/1 cell per class; all empty = unlabelled; a partly filled row is an error. */
    private float[] targets(RowReader r) {
        List<String> classes = settings.classes();
        float[] t = new float[classes.size()];
        int empty = 0;
        for (int k = 0; k < t.length; k++) {
            String cell = r.cell(classes.get(k));
            if (cell.isEmpty()) {
                empty++;
                continue;
            }
            double v = r.parse(classes.get(k), Double::parseDouble);
            if (v != 0 && v != 1) {
                throw r.error(classes.get(k), "'" + cell + "' is not 0 or 1 (map uncertain findings before)");
            }
            t[k] = (float) v;
        }
        if (empty == t.length) {
            return null;
        }
        if (empty > 0) {
            String missing = classes.stream().filter(c -> r.cell(c).isEmpty()).findFirst().orElseThrow();
            throw r.error(missing, "empty, while other class columns of this row are filled; leave all empty for an "
                    + "unlabelled row");
        }
        return t;
    }

    private double number(RowReader r, String column) {
        String cell = r.cell(column);
        if (cell.isEmpty()) {
            throw r.error(column, "empty; tabular columns need a number on every row");
        }
        double v = r.parse(column, Double::parseDouble);
        if (!Double.isFinite(v)) {
            throw r.error(column, cell + " is not a finite number (NaN and infinities are not allowed)");
        }
        return v;
    }

    private static String shape(Image im) {
        return im.depth() == 1 ? im.height() + "x" + im.width() : im.depth() + "x" + im.height() + "x" + im.width();
    }

    /** Cells of one row, and errors that name it. */
    private final class RowReader {
        private final CsvTable table;
        private final CsvTable.Row row;

        RowReader(CsvTable table, CsvTable.Row row) {
            this.table = table;
            this.row = row;
        }

        String cell(String column) {
            return table.cell(row, column);
        }

        /** Parses a cell; any IllegalArgumentException (NumberFormatException included) names the row and column. */
        <T> T parse(String column, Function<String, T> parser) {
            try {
                return parser.apply(cell(column));
            } catch (NumberFormatException e) {
                throw error(column, "'" + cell(column) + "' is not a number");
            } catch (IllegalArgumentException e) {
                throw error(column, e.getMessage());
            }
        }

        ManifestException error(String column, String message) {
            return new ManifestException(manifest, row, cell(ManifestSettings.ID), column, message);
        }
    }
}
