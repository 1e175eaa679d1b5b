package io.kdbench.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParamTest {
    private static final ParamSpec SPEC = ParamSpec.of(
            Param.of("steps", 10, "budget").atLeast(1),
            Param.of("lr", 0.01, "rate").positive(),
            Param.of("decay", 0.0, "decay").nonNegative(),
            Param.of("ema", 0.99, "ema").fraction(),
            Param.of("warmup", 0.05, "warm-up").in(0, true, 1, false),
            Param.of("share", 1.0, "share").in(0, false, 1, true),
            Param.of("size", 32, "side").in(16, 512),
            Param.of("stem", "conv", "stem").oneOf("conv", "patch"),
            Param.of("widths", List.of(8, 16), "widths").described(">= 1 stage"),
            Param.of("flag", true, "a switch"));

    private static String refused(String key, Object value) {
        Params p = Params.of(SPEC.defaults(), Map.of(key, value));
        return assertThrows(IllegalArgumentException.class, () -> SPEC.check(p)).getMessage();
    }

    @Test
    void theDeclarationGivesTheDefaultsInOrder() {
        assertEquals(List.of("steps", "lr", "decay", "ema", "warmup", "share", "size", "stem", "widths", "flag"),
                List.copyOf(SPEC.defaults().keySet()));
        assertEquals(0.99, SPEC.defaults().get("ema"));
        assertDoesNotThrow(() -> SPEC.check(Params.of(SPEC.defaults(), Map.of())));
    }

    @Test
    void everyRefusalNamesTheParameterTheRangeAndTheBadValue() {
        assertEquals("steps must be >= 1, got 0", refused("steps", 0));
        assertEquals("lr must be > 0, got 0.0", refused("lr", 0.0));
        assertEquals("lr must be > 0, got Infinity", refused("lr", Double.POSITIVE_INFINITY));
        assertEquals("decay must be >= 0, got -0.1", refused("decay", -0.1));
        assertEquals("ema must be in [0, 1], got 1.5", refused("ema", 1.5));
        assertEquals("ema must be in [0, 1], got NaN", refused("ema", Double.NaN));
        assertEquals("warmup must be in [0, 1), got 1.0", refused("warmup", 1.0));
        assertEquals("share must be in (0, 1], got 0.0", refused("share", 0.0));
        assertEquals("size must be in [16, 512], got 8", refused("size", 8));
        assertEquals("stem must be one of conv, patch, got 'vit'", refused("stem", "vit"));
    }

    @Test
    void typesRangesAndDefaultsAsListingsShowThem() {
        assertEquals(List.of("int", "number", "number", "number", "number", "number", "int", "string", "list of int",
                "boolean"), SPEC.list().stream().map(Param::type).toList());
        assertEquals(List.of(">= 1", "> 0", ">= 0", "[0, 1]", "[0, 1)", "(0, 1]", "[16, 512]", "one of conv, patch",
                ">= 1 stage", "any"), SPEC.list().stream().map(p -> p.range().text()).toList());
        assertEquals("[8, 16]", SPEC.get("widths").orElseThrow().defaultText());
        assertEquals("\"\"", Param.of("path", "", "a file").defaultText());
        assertEquals("0.0001", Param.of("decay", 1e-4, "decay").defaultText());
        assertEquals("[0.2, 2]", Param.of("s", 1.0, "s").in(0.2, true, 2, true).range().text());
    }

    @Test
    void aRangeOnlyDescribedIsLeftToTheComponentsValidate() {
        assertDoesNotThrow(() -> SPEC.check(Params.of(SPEC.defaults(), Map.of("widths", List.of()))));
    }

    @Test
    void aPrefixedCopyIsCheckedUnderItsOwnNameAndDuplicatesAreRefused() {
        ParamSpec teacher = ParamSpec.of(Param.of("steps", 10, "budget").atLeast(1)).prefixed("teacher_", "teacher: ");
        assertEquals("teacher_steps", teacher.list().get(0).name());
        assertEquals("teacher: budget", teacher.list().get(0).meaning());
        Params p = Params.of(teacher.defaults(), Map.of("teacher_steps", 0));
        assertEquals("teacher_steps must be >= 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> teacher.check(p)).getMessage());
        assertEquals("parameter 'steps' declared twice", assertThrows(IllegalArgumentException.class,
                () -> SPEC.and(Param.of("steps", 1, "again"))).getMessage());
    }
}
