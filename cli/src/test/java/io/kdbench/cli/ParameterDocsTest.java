package io.kdbench.cli;

import io.kdbench.api.Component;
import io.kdbench.api.Param;
import io.kdbench.api.Parameterised;
import io.kdbench.api.Params;
import io.kdbench.registry.Registries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every registered component documents every parameter it accepts (a new parameter without a meaning fails the
 * build), and {@code kdbench list --describe} prints the declarations as a table.
 */
class ParameterDocsTest {
    @RegisterExtension
    final ConsoleCapture console = new ConsoleCapture();

    private static List<Component> components() {
        Registries r = Registries.load();
        return Stream.of(r.methods().all(), r.datasets().all(), r.metrics().all())
                .flatMap(List::stream).map(c -> (Component) c).toList();
    }

    @Test
    void everyRegisteredComponentDeclaresAMeaningForEveryParameter() {
        List<String> problems = new ArrayList<>();
        int parameterised = 0;
        for (Component c : components()) {
            if (!(c instanceof Parameterised p)) {
                continue;
            }
            parameterised++;
            List<String> declared = p.parameters().list().stream().map(Param::name).toList();
            if (!List.copyOf(p.defaults().keySet()).equals(declared)) {
                problems.add(c.id() + ": defaults() " + p.defaults().keySet() + " are not the declared " + declared);
            }
            for (Param param : p.parameters().list()) {
                String m = param.meaning();
                if (m.isBlank() || m.contains("\n") || m.length() > 160) {
                    problems.add(c.id() + "." + param.name() + ": needs one line of meaning (<= 160 characters), has '"
                            + m + "'");
                }
                if (!List.of("int", "number", "boolean", "string").contains(param.type().replace("list of ", ""))
                        && !param.type().equals("list")) {
                    problems.add(c.id() + "." + param.name() + ": default of unsupported type " + param.type());
                }
            }
        }
        assertTrue(parameterised >= 30, "methods and datasets found: " + parameterised);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyDefaultLiesInItsOwnDeclaredRange() {
        for (Component c : components()) {
            if (c instanceof Parameterised p) {
                assertDoesNotThrow(() -> p.parameters().check(Params.defaultsOf(p)), c.id());
            }
        }
    }

    @Test
    void listDescribePrintsTheParameterTableOfOneComponent() {
        assertEquals(0, Main.execute("list", "--describe", "toy-blobs"));
        String expected = """
                datasets:
                  toy-blobs  tiny test data: is there a faint disc in the noise? binary classification with an ROI mask
                    parameter  type    default  range  meaning
                    size       int     32       >= 8   image side in pixels
                    n_train    int     160      >= 1   training cases
                    n_val      int     40       >= 1   validation cases
                    n_test     int     80       >= 1   test cases
                    contrast   number  0.5      any    brightness of the disc over the background
                    noise      number  0.3      >= 0   standard deviation of the Gaussian pixel noise

                """;
        assertEquals(expected, console.out.toString().replace(System.lineSeparator(), "\n").stripTrailing() + "\n\n");
    }

    @Test
    void listDescribeShowsRecipeRangesDefaultsAndPrefixedCopies() {
        assertEquals(0, Main.execute("list", "--describe", "mmpkd"));
        List<String> rows = console.out.toString().lines().filter(l -> l.startsWith("    "))
                .map(l -> l.strip().replaceAll(" {2,}", " | ")).toList();
        assertEquals("parameter | type | default | range | meaning", rows.get(0));
        for (String row : List.of(
                "weight_decay | number | 0.0001 | >= 0 | AdamW decoupled weight decay",
                "warmup | number | 0.05 | [0, 1) | fraction of steps with linear warm-up, then cosine decay to 0",
                "validate_every | int | 60 | >= 1 | steps between validation evaluations (model selection)",
                "attention | string | rollout | one of rollout, last_cls | localization map: attention rollout or the"
                        + " last block's CLS attention",
                "alpha | number | 0.5 | [0, 1] | KD weight a in (1 - a) CE + a T^2 KL (assumed)",
                "teacher | string | auto | one of auto, text, forest | privileged teacher: text (n-gram linear model),"
                        + " forest (tabular random forest) or auto (text if the dataset has it, else forest)",
                "teacher_lr | number | 0.02 | > 0 | teacher: AdamW peak learning rate",
                "feature_fraction | number | 0.5 | (0, 1] | forest teacher: share of features tried at each split")) {
            assertTrue(rows.contains(row), row + " in\n" + String.join("\n", rows));
        }
    }

    @Test
    void aComponentWithoutParametersSaysSoAndAnUnknownIdIsRefused() {
        assertEquals(0, Main.execute("list", "--describe", "prior"));
        assertTrue(console.out.toString().contains("    (no parameters)"), console.out.toString());
        assertEquals(ExitCodes.BAD_INPUT, Main.execute("list", "--describe", "no-such-row"));
        assertTrue(console.err.toString().contains("unknown component 'no-such-row'"), console.err.toString());
    }
}
