package io.kdbench.cli;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Params;
import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import io.kdbench.datasets.view.SampleRenderer;
import io.kdbench.registry.Registries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code kdbench datasets show ID --out DIR}: pictures of a few samples of every modality of a dataset. */
@Command(name = "datasets", description = "Look at datasets.", mixinStandardHelpOptions = true,
        subcommands = DatasetsCommand.Show.class)
public final class DatasetsCommand implements Callable<Integer> {
    static final int BAD_INPUT = ExitCodes.BAD_INPUT;

    @Override
    public Integer call() {
        System.err.println("usage: kdbench datasets show ID [--seed S] --out DIR [--param k=v ...]");
        return BAD_INPUT;
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Write PNGs of a few test samples (and external ones) of every image modality; masks as "
                    + "overlays, 3-D as middle slices along z, y and x; label, report text and tabular values as .txt.")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "dataset id")
        String id;

        @Option(names = "--seed", defaultValue = "0", description = "seed (default ${DEFAULT-VALUE})")
        long seed;

        @Option(names = "--out", required = true, description = "output directory")
        Path out;

        @Option(names = "--param", paramLabel = "k=v", description = "dataset parameter, repeatable")
        List<String> params = new ArrayList<>();

        @Option(names = "--count", defaultValue = "4", description = "samples per split shown (default ${DEFAULT-VALUE})")
        int count;

        @Override
        public Integer call() throws IOException {
            BenchmarkDataset dataset;
            Params p;
            DatasetInfo info;
            Splits splits;
            try {
                dataset = Registries.load().datasets().get(id);
                p = Params.of(dataset.defaults(), parse(params, dataset.defaults()));
                info = dataset.info(p);
                if (count < 1) {
                    throw new IllegalArgumentException("--count must be >= 1, got " + count);
                }
                splits = dataset.splits(p, seed);
            } catch (IllegalArgumentException e) {
                System.err.println("kdbench datasets show: " + e.getMessage());
                return BAD_INPUT;
            }
            Files.createDirectories(out);
            List<Sample> shown = new ArrayList<>(splits.test().subList(0, Math.min(count, splits.test().size())));
            shown.addAll(splits.external().subList(0, Math.min(count, splits.external().size())));
            for (Sample s : shown) {
                write(s, info);
            }
            System.out.println("wrote " + shown.size() + " samples of " + id + " to " + out);
            return 0;
        }

        private void write(Sample s, DatasetInfo info) throws IOException {
            for (Map.Entry<String, Image> e : new TreeMap<>(s.images()).entrySet()) {
                Image im = e.getValue();
                int scale = SampleRenderer.scaleFor(im, 192);
                List<SampleRenderer.Axis> axes = im.is3d() ? List.of(SampleRenderer.Axis.values()) : List.of(SampleRenderer.Axis.Z);
                for (SampleRenderer.Axis axis : axes) {
                    String stem = s.id() + "_" + e.getKey() + (im.is3d() ? "_" + axis.name().toLowerCase() : "");
                    png(SampleRenderer.render(im, null, axis, scale), stem);
                    // overlay the mask only where it lies on this image's grid
                    if (s.mask() != null && s.mask().size() == im.voxels()) {
                        png(SampleRenderer.render(im, s.mask(), axis, scale), stem + "_mask");
                    }
                }
            }
            Files.writeString(out.resolve(s.id() + ".txt"), describe(s, info), StandardCharsets.UTF_8);
        }

        private void png(BufferedImage image, String stem) throws IOException {
            ImageIO.write(image, "png", out.resolve(stem + ".png").toFile());
        }

        private static String describe(Sample s, DatasetInfo info) {
            StringBuilder b = new StringBuilder("id: " + s.id() + "\n");
            if (s.label() >= 0) {
                b.append("label: ").append(info.classes().get(s.label())).append('\n');
            }
            if (s.targets() != null) {
                List<String> on = new ArrayList<>();
                for (int k = 0; k < s.targets().length; k++) {
                    if (s.targets()[k] > 0.5f) {
                        on.add(info.classes().get(k));
                    }
                }
                b.append("findings: ").append(on.isEmpty() ? "none" : String.join(", ", on)).append('\n');
            }
            if (s.client() != null) {
                b.append("client: ").append(s.client()).append('\n');
            }
            if (s.tabular() != null) {
                b.append("tabular: ").append(Arrays.toString(s.tabular())).append('\n');
            }
            if (s.text() != null) {
                b.append("report: ").append(s.text()).append('\n');
            }
            return b.toString();
        }
    }

    /** Parses k=v overrides, typed like each key's default (lists: k=a,b); unknown keys and bad values are bad input. */
    static Map<String, Object> parse(List<String> pairs, Map<String, Object> defaults) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--param must be k=v, got '" + pair + "'");
            }
            String key = pair.substring(0, eq), value = pair.substring(eq + 1);
            Object def = defaults.get(key);
            if (def == null) {
                throw new IllegalArgumentException("unknown parameter '" + key + "'; valid: " + defaults.keySet());
            }
            try {
                out.put(key, convert(def, value));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parameter '" + key + "' needs " + def.getClass().getSimpleName()
                        + ", got '" + value + "'");
            }
        }
        return out;
    }

    private static Object convert(Object def, String value) {
        if (def instanceof List<?> list) { // comma-separated, each element typed like the default's first
            Object element = list.isEmpty() ? "" : list.get(0);
            List<Object> out = new ArrayList<>();
            for (String part : value.isBlank() ? new String[0] : value.split(",")) {
                out.add(convert(element, part.trim()));
            }
            return out;
        }
        if (def instanceof Integer) {
            return Integer.valueOf(value);
        }
        if (def instanceof Double) {
            return Double.valueOf(value);
        }
        if (def instanceof Boolean) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new NumberFormatException(value);
            }
            return Boolean.valueOf(value);
        }
        return value;
    }
}
