package io.kdbench.methods.train;

/**
 * Linear warm-up to {@code peak} over the first {@code warmupSteps} steps, then cosine decay towards 0 at step
 * {@code steps} (Loshchilov & Hutter's SGDR without restarts, as in most ViT and U-Net recipes). Steps count from 0.
 */
public record LearningRateSchedule(double peak, int steps, int warmupSteps) {

    public LearningRateSchedule {
        if (!(peak > 0) || steps < 1 || warmupSteps < 0 || warmupSteps >= steps) {
            throw new IllegalArgumentException("need peak > 0, steps >= 1 and 0 <= warmup < steps; got " + peak + ", "
                    + steps + ", " + warmupSteps);
        }
    }

    /** The learning rate of step {@code step} (0-based); steps past the budget keep the last value. */
    public double at(int step) {
        int t = Math.max(0, Math.min(step, steps - 1));
        if (t < warmupSteps) {
            return peak * (t + 1) / warmupSteps;
        }
        double progress = (double) (t - warmupSteps) / (steps - warmupSteps);
        return peak * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
