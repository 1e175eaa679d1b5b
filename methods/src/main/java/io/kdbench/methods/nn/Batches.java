package io.kdbench.methods.nn;

import io.kdbench.data.Image;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;

/** Batch arrays from samples: stacked 2-D images [B, C, H, W] (channel-first already) and rows of tables. */
public final class Batches {
    private Batches() {
    }

    public static INDArray images(List<Image> images, int[] idx) {
        Image first = images.get(idx[0]);
        int c = first.channels(), h = first.height(), w = first.width();
        int per = c * h * w;
        float[] buf = new float[idx.length * per];
        for (int i = 0; i < idx.length; i++) {
            Image img = images.get(idx[i]);
            if (img.channels() != c || img.height() != h || img.width() != w || img.is3d()) {
                throw new IllegalArgumentException("batch of " + first + " images got " + img);
            }
            System.arraycopy(img.data(), 0, buf, i * per, per);
        }
        return Nd4j.create(buf, new long[] {idx.length, c, h, w}, 'c');
    }

    /** Rows idx of a [N, K] table as [B, K]; with {@code log}, their logarithms (floored at 1e-12). */
    public static INDArray rows(float[][] values, int[] idx, boolean log) {
        int k = values[idx[0]].length;
        float[] buf = new float[idx.length * k];
        for (int i = 0; i < idx.length; i++) {
            for (int j = 0; j < k; j++) {
                float v = values[idx[i]][j];
                buf[i * k + j] = log ? (float) Math.log(Math.max(v, 1e-12)) : v;
            }
        }
        return Nd4j.create(buf, new long[] {idx.length, k}, 'c');
    }
}
