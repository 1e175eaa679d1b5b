package io.kdbench.methods.train;

import io.kdbench.api.Params;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The training recipe every SameDiff row shares, read from its parameters: a budget of {@code steps} optimisation
 * steps of {@code batch_size} samples, AdamW at peak learning rate {@code lr} with linear warm-up over the first
 * {@code warmup} fraction of steps and cosine decay to zero after it, decoupled {@code weight_decay}, gradients
 * clipped to global norm {@code clip_norm} (0: no clipping), and an evaluation on the validation split every
 * {@code validate_every} steps (model selection). A budget in steps, not epochs, so rows compared on one dataset
 * get the same number of updates whatever their batch composition. The record checks itself: a bad value throws
 * with the parameter's name, the expected range and the value, when the experiment file is loaded.
 *
 * <p>A prefix reads a second recipe from the same parameters, e.g. {@code teacher_steps}, {@code teacher_lr}.
 */
public record Recipe(int steps, int batchSize, double learningRate, double weightDecay, double warmup,
                     double clipNorm, int validateEvery) {

    public Recipe {
        atLeast("steps", steps, 1);
        atLeast("batch_size", batchSize, 1);
        atLeast("validate_every", validateEvery, 1);
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException("lr must be > 0, got " + learningRate);
        }
        if (!(weightDecay >= 0)) {
            throw new IllegalArgumentException("weight_decay must be >= 0, got " + weightDecay);
        }
        if (!(warmup >= 0 && warmup < 1)) {
            throw new IllegalArgumentException("warmup must be in [0, 1) (a fraction of steps), got " + warmup);
        }
        if (!(clipNorm >= 0)) {
            throw new IllegalArgumentException("clip_norm must be >= 0 (0 = no clipping), got " + clipNorm);
        }
    }

    /** The recipe's keys with defaults, for a method's {@code defaults()}. */
    public static Map<String, Object> defaults(int steps, int batchSize, double lr) {
        return defaults("", steps, batchSize, lr);
    }

    /** The same keys under a prefix (e.g. "teacher_"), for a second network trained in the same cell. */
    public static Map<String, Object> defaults(String prefix, int steps, int batchSize, double lr) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put(prefix + "steps", steps);
        d.put(prefix + "batch_size", batchSize);
        d.put(prefix + "lr", lr);
        d.put(prefix + "weight_decay", 1e-4);
        d.put(prefix + "warmup", 0.05);
        d.put(prefix + "clip_norm", 1.0);
        d.put(prefix + "validate_every", Math.max(1, steps / 10));
        return d;
    }

    public static Recipe from(Params p) {
        return from(p, "");
    }

    public static Recipe from(Params p, String prefix) {
        try {
            return new Recipe(p.getInt(prefix + "steps"), p.getInt(prefix + "batch_size"), p.getDouble(prefix + "lr"),
                    p.getDouble(prefix + "weight_decay"), p.getDouble(prefix + "warmup"),
                    p.getDouble(prefix + "clip_norm"), p.getInt(prefix + "validate_every"));
        } catch (IllegalArgumentException e) {
            // name the prefixed key the file uses (teacher_steps), not the record's (steps)
            throw new IllegalArgumentException(prefix.isEmpty() ? e.getMessage() : prefix + e.getMessage(), e);
        }
    }

    public Recipe withSteps(int value) {
        return new Recipe(value, batchSize, learningRate, weightDecay, warmup, clipNorm,
                Math.min(validateEvery, value));
    }

    /** The learning rate at each step of this budget. */
    public LearningRateSchedule schedule() {
        return new LearningRateSchedule(learningRate, steps, (int) Math.round(warmup * steps));
    }

    private static void atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", got " + value);
        }
    }
}
