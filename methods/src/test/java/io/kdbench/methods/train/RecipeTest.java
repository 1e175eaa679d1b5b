package io.kdbench.methods.train;

import io.kdbench.api.Params;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training recipe: the warm-up + cosine schedule's values, and every bad parameter refused by name and value. */
class RecipeTest {

    @Test
    void warmupRisesLinearlyThenCosineDecaysTowardsZero() {
        LearningRateSchedule s = new LearningRateSchedule(0.01, 110, 10);
        assertEquals(0.001, s.at(0), 1e-15, "step 0 of 10 warm-up steps: peak / 10");
        assertEquals(0.005, s.at(4), 1e-15);
        assertEquals(0.01, s.at(9), 1e-15, "the last warm-up step reaches the peak");
        assertEquals(0.01, s.at(10), 1e-15, "cosine starts at the peak");
        assertEquals(0.005, s.at(60), 1e-15, "halfway through the 100 cosine steps: peak / 2");
        assertEquals(0.01 * 0.5 * (1 + Math.cos(Math.PI * 99 / 100)), s.at(109), 1e-15);
        assertTrue(s.at(109) > 0 && s.at(109) < 1e-5, "the last step is just above 0");
        assertEquals(s.at(109), s.at(500), 0.0, "steps past the budget keep the last rate");
    }

    @Test
    void withoutWarmupTheFirstStepHasThePeak() {
        assertEquals(0.003, new LearningRateSchedule(0.003, 50, 0).at(0), 0.0);
    }

    @Test
    void recipeReadsItsKeysWithAPrefixAndRoundsTheWarmup() {
        Map<String, Object> d = Recipe.parameters("teacher_", 200, 16, 0.02).defaults();
        Recipe r = Recipe.from(Params.of(d, Map.of("teacher_warmup", 0.1)), "teacher_");
        assertEquals(200, r.steps());
        assertEquals(16, r.batchSize());
        assertEquals(20, r.validateEvery(), "default: ten evaluations per budget");
        assertEquals(20, r.schedule().warmupSteps());
        assertEquals(0.02 / 20, r.schedule().at(0), 1e-15);
    }

    @Test
    void everyBadValueIsRefusedWithItsNameAndValue() {
        Map<String, Object> d = Recipe.parameters(100, 8, 0.001).defaults();
        assertRefused(d, "steps", 0, "steps must be >= 1, got 0");
        assertRefused(d, "batch_size", -2, "batch_size must be >= 1, got -2");
        assertRefused(d, "lr", 0.0, "lr must be > 0, got 0.0");
        assertRefused(d, "weight_decay", -0.1, "weight_decay must be >= 0, got -0.1");
        assertRefused(d, "warmup", 1.0, "warmup must be in [0, 1), got 1.0");
        assertRefused(d, "clip_norm", -1.0, "clip_norm must be >= 0, got -1.0");
        assertRefused(d, "validate_every", 0, "validate_every must be >= 1, got 0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Recipe.from(
                Params.of(Recipe.parameters("teacher_", 10, 8, 0.1).defaults(), Map.of("teacher_lr", -1.0)), "teacher_"));
        assertEquals("teacher_lr must be > 0, got -1.0", e.getMessage());
    }

    private static void assertRefused(Map<String, Object> defaults, String key, Object value, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Recipe.from(Params.of(defaults, Map.of(key, value))));
        assertEquals(message, e.getMessage());
    }
}
