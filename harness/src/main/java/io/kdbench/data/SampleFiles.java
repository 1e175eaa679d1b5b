package io.kdbench.data;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@link Sample} per file in a compact binary form, so datasets larger than memory can live on disk and be read
 * back one sample at a time ({@link LazySamples}). Not an interchange format: it is kdbench's own cache.
 */
public final class SampleFiles {
    private static final int MAGIC = 0x4b445331; // "KDS1"

    private SampleFiles() {
    }

    public static void write(Sample s, Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeUTF(s.id());
            out.writeInt(s.images().size());
            for (Map.Entry<String, Image> e : s.images().entrySet()) {
                out.writeUTF(e.getKey());
                Image im = e.getValue();
                out.writeInt(im.channels());
                out.writeInt(im.depth());
                out.writeInt(im.height());
                out.writeInt(im.width());
                writeDoubles(out, im.spacing());
                for (float v : im.data()) {
                    out.writeFloat(v);
                }
            }
            out.writeInt(s.label());
            out.writeBoolean(s.targets() != null);
            if (s.targets() != null) {
                out.writeInt(s.targets().length);
                for (float v : s.targets()) {
                    out.writeFloat(v);
                }
            }
            out.writeBoolean(s.mask() != null);
            if (s.mask() != null) {
                LabelMap m = s.mask();
                out.writeInt(m.depth());
                out.writeInt(m.height());
                out.writeInt(m.width());
                writeDoubles(out, m.spacing());
                out.write(m.labels());
            }
            writeNullable(out, s.text());
            out.writeBoolean(s.tabular() != null);
            if (s.tabular() != null) {
                out.writeInt(s.tabular().length);
                writeDoubles(out, s.tabular());
            }
            writeNullable(out, s.client());
            out.writeBoolean(s.labelled());
        }
    }

    public static Sample read(Path file) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (in.readInt() != MAGIC) {
                throw new IOException("not a kdbench sample file");
            }
            String id = in.readUTF();
            int n = in.readInt();
            Map<String, Image> images = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                int c = in.readInt();
                int d = in.readInt();
                int h = in.readInt();
                int w = in.readInt();
                double[] spacing = readDoubles(in, 3);
                float[] data = new float[c * d * h * w];
                for (int k = 0; k < data.length; k++) {
                    data[k] = in.readFloat();
                }
                images.put(name, new Image(data, c, d, h, w, spacing));
            }
            int label = in.readInt();
            float[] targets = null;
            if (in.readBoolean()) {
                targets = new float[in.readInt()];
                for (int k = 0; k < targets.length; k++) {
                    targets[k] = in.readFloat();
                }
            }
            LabelMap mask = null;
            if (in.readBoolean()) {
                int d = in.readInt();
                int h = in.readInt();
                int w = in.readInt();
                double[] spacing = readDoubles(in, 3);
                byte[] labels = new byte[d * h * w];
                in.readFully(labels);
                mask = new LabelMap(labels, d, h, w, spacing);
            }
            String text = readNullable(in);
            double[] tabular = in.readBoolean() ? readDoubles(in, in.readInt()) : null;
            String client = readNullable(in);
            boolean labelled = in.readBoolean();
            return new Sample(id, images, label, targets, mask, text, tabular, client, labelled);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in, int n) throws IOException {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = in.readDouble();
        }
        return v;
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
