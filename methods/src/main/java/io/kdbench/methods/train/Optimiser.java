package io.kdbench.methods.train;

import io.kdbench.api.Params;

/**
 * Optimiser settings read from a method's parameters (keys {@code epochs}, {@code batch_size}, {@code lr},
 * {@code weight_decay}); one place for every method, so the experiment file sets them the same way.
 */
public record Optimiser(int epochs, int batchSize, double learningRate, double weightDecay) {

    public Optimiser {
        if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || weightDecay < 0) {
            throw new IllegalArgumentException("need epochs >= 1, batch_size >= 1, lr > 0, weight_decay >= 0; got "
                    + epochs + ", " + batchSize + ", " + learningRate + ", " + weightDecay);
        }
    }

    public static Optimiser from(Params p) {
        return new Optimiser(p.getInt("epochs"), p.getInt("batch_size"), p.getDouble("lr"), p.getDouble("weight_decay"));
    }
}
