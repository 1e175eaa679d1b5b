package io.kdbench.methods.train;

import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;

import java.util.Map;

/**
 * The training recipe every SameDiff row shares, read from its parameters: a budget of {@code steps} optimisation
 * steps of {@code batch_size} samples, AdamW at peak learning rate {@code lr} with linear warm-up over the first
 * {@code warmup} fraction of steps and cosine decay to zero after it, decoupled {@code weight_decay}, gradients
 * clipped to global norm {@code clip_norm} (0: no clipping), and an evaluation on the validation split every
 * {@code validate_every} steps (model selection), as {@link #parameters} declares them. A budget in steps, not epochs, so rows compared on one dataset
 * get the same number of updates whatever their batch composition. The record checks itself against the declared
 * ranges: a bad value throws with the parameter's name, the expected range and the value.
 *
 * <p>A prefix reads a second recipe from the same parameters, e.g. {@code teacher_steps}, {@code teacher_lr}.
 */
public record Recipe(int steps, int batchSize, double learningRate, double weightDecay, double warmup,
                     double clipNorm, int validateEvery) {

    public Recipe {
        // the same declarations that give the defaults and the experiment file's checks
        parameters("", steps, batchSize, learningRate).check(Params.of(Map.of("steps", steps, "batch_size", batchSize,
                "lr", learningRate, "weight_decay", weightDecay, "warmup", warmup, "clip_norm", clipNorm,
                "validate_every", validateEvery), Map.of()));
    }

    /**
     * The recipe's parameters with these defaults (weight decay 1e-4, warm-up 5 %, clipping at norm 1 and ten
     * evaluations per budget for every row), for a method's {@code parameters()}.
     */
    public static ParamSpec parameters(int steps, int batchSize, double lr) {
        return parameters("", steps, batchSize, lr);
    }

    /**
     * The same parameters under a prefix (e.g. "teacher_"), for a second network trained in the same cell; their
     * meanings start with {@code "<prefix without _>: "}.
     */
    public static ParamSpec parameters(String prefix, int steps, int batchSize, double lr) {
        String who = prefix.isEmpty() ? "" : prefix.replaceAll("_$", "") + ": ";
        return ParamSpec.of(
                Param.of("steps", steps, "budget of optimisation steps (not epochs)").atLeast(1),
                Param.of("batch_size", batchSize, "samples per optimisation step").atLeast(1),
                Param.of("lr", lr, "AdamW peak learning rate").positive(),
                Param.of("weight_decay", 1e-4, "AdamW decoupled weight decay").nonNegative(),
                Param.of("warmup", 0.05, "fraction of steps with linear warm-up, then cosine decay to 0")
                        .in(0, true, 1, false),
                Param.of("clip_norm", 1.0, "gradients clipped to this global norm; 0: no clipping").nonNegative(),
                Param.of("validate_every", Math.max(1, steps / 10), "steps between validation evaluations (model"
                        + " selection)").atLeast(1)
        ).prefixed(prefix, who);
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

}
