package io.kdbench.methods.train;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * Adam with decoupled weight decay (Loshchilov & Hutter, "Decoupled Weight Decay Regularization") and clipping of
 * the gradients' global norm, applied in place to float parameter arrays. Written as plain Java loops over the
 * arrays' native buffers rather than with ND4J's updaters: those run several native ops per parameter array, which
 * on kdbench's small networks cost as much as the forward and backward pass together; here one step is one pass
 * over the numbers, in a fixed order, so it gives the same bits on every CPU.
 *
 * <p>Per element, with g the clipped gradient and t the 1-based step: m = b1 m + (1 - b1) g;
 * v = b2 v + (1 - b2) g^2; p -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps) + lr wd p.
 */
public final class AdamW {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final float[][] m;
    private final float[][] v;
    private int t;

    /** State for parameters of these sizes, in the order {@link #step} receives them. */
    public AdamW(List<INDArray> parameters) {
        m = new float[parameters.size()][];
        v = new float[parameters.size()][];
        for (int i = 0; i < m.length; i++) {
            INDArray p = parameters.get(i);
            if (p.dataType() != DataType.FLOAT) {
                throw new IllegalArgumentException("AdamW updates float parameters, got " + p.dataType());
            }
            m[i] = new float[Math.toIntExact(p.length())];
            v[i] = new float[m[i].length];
        }
    }

    /**
     * One update. {@code gradients.get(i)} belongs to {@code parameters.get(i)}; a null gradient (a parameter the
     * loss does not reach) leaves that parameter and its state alone. Returns the gradients' global norm before
     * clipping.
     */
    public double step(List<INDArray> parameters, List<INDArray> gradients, double lr, double weightDecay,
                       double clipNorm) {
        float[][] g = new float[gradients.size()][];
        double squares = 0;
        for (int i = 0; i < g.length; i++) {
            INDArray grad = gradients.get(i);
            if (grad == null) {
                continue;
            }
            if (grad.length() != m[i].length) {
                throw new IllegalArgumentException("gradient " + i + " has " + grad.length() + " values, its parameter "
                        + m[i].length);
            }
            boolean plain = !grad.isView() && grad.ordering() == 'c' && grad.dataType() == DataType.FLOAT
                    && grad.data().length() == grad.length();
            // a view or another layout: copy out its elements in row-major order, as the parameter holds them
            g[i] = (plain ? grad : grad.castTo(DataType.FLOAT).dup('c')).data().asFloat();
            for (float x : g[i]) {
                squares += (double) x * x;
            }
        }
        double norm = Math.sqrt(squares);
        double scale = clipNorm > 0 && norm > clipNorm ? clipNorm / norm : 1.0;
        t++;
        double c1 = 1 - Math.pow(BETA1, t);
        double c2 = 1 - Math.pow(BETA2, t);
        double decay = lr * weightDecay;
        for (int i = 0; i < g.length; i++) {
            if (g[i] == null) {
                continue;
            }
            FloatBuffer p = buffer(parameters.get(i));
            float[] mi = m[i];
            float[] vi = v[i];
            float[] gi = g[i];
            for (int k = 0; k < gi.length; k++) {
                double gk = gi[k] * scale;
                double mk = BETA1 * mi[k] + (1 - BETA1) * gk;
                double vk = BETA2 * vi[k] + (1 - BETA2) * gk * gk;
                mi[k] = (float) mk;
                vi[k] = (float) vk;
                double pk = p.get(k);
                p.put(k, (float) (pk - lr * (mk / c1) / (Math.sqrt(vk / c2) + EPSILON) - decay * pk));
            }
        }
        return norm;
    }

    /** The parameter's own float buffer, written in place; refuses views, whose buffer holds other numbers too. */
    private static FloatBuffer buffer(INDArray p) {
        if (p.isView() || p.ordering() != 'c' || p.data().length() != p.length() || p.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("AdamW needs a parameter that owns its float buffer, got "
                    + p.shapeInfoToString());
        }
        return p.data().asNioFloat();
    }
}
