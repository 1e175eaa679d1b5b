package io.kdbench.methods.attention;

import io.kdbench.data.Image;

/**
 * Reads a ViT's attention as a map over the image: the last block's CLS-to-patch attention, or attention
 * rollout (Abnar and Zuidema 2020: average heads, add the identity for the residual path, renormalise
 * rows, multiply through the blocks). Arrays are one sample's maps, {@code [block][head][T][T]}.
 */
public final class AttentionMaps {
    private AttentionMaps() {
    }

    /** Mean over heads of the last block's attention from CLS (token 0) to each patch. */
    public static double[] lastCls(float[][][][] maps) {
        float[][][] last = maps[maps.length - 1];
        int t = last[0].length;
        double[] out = new double[t - 1];
        for (float[][] head : last) {
            for (int j = 1; j < t; j++) {
                out[j - 1] += head[0][j] / last.length;
            }
        }
        return out;
    }

    /** Attention rollout from CLS to each patch. */
    public static double[] rollout(float[][][][] maps) {
        int t = maps[0][0].length;
        double[][] r = identity(t);
        for (float[][][] block : maps) {
            double[][] a = new double[t][t];
            for (float[][] head : block) {
                for (int i = 0; i < t; i++) {
                    for (int j = 0; j < t; j++) {
                        a[i][j] += 0.5 * head[i][j] / block.length;
                    }
                }
            }
            for (int i = 0; i < t; i++) {
                a[i][i] += 0.5;
                double s = 0;
                for (int j = 0; j < t; j++) {
                    s += a[i][j];
                }
                for (int j = 0; j < t; j++) {
                    a[i][j] /= s;
                }
            }
            r = multiply(a, r);
        }
        double[] out = new double[t - 1];
        System.arraycopy(r[0], 1, out, 0, t - 1);
        return out;
    }

    /** Spreads per-patch values over the image grid (each patch's pixels get its value). */
    public static Image toImage(double[] patchValues, int height, int width, int patch) {
        int gw = width / patch;
        float[] pixels = new float[height * width];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = (float) patchValues[(y / patch) * gw + x / patch];
            }
        }
        return Image.of2d(pixels, 1, height, width);
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                for (int j = 0; j < n; j++) {
                    c[i][j] += aik * b[k][j];
                }
            }
        }
        return c;
    }
}
