package io.kdbench.cli;

import io.kdbench.api.Component;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Parameterised;
import io.kdbench.env.Environment;
import io.kdbench.registry.Registries;
import io.kdbench.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code kdbench list}: every registered method, dataset and metric with a one-line description; with
 * {@code --describe}, the full description and a table of each component's parameters (name, type, default, range,
 * meaning), printed from the declarations that also give the defaults and check the values.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List registered methods, datasets and metrics (and with --env, the environment).")
final class ListCommand implements Callable<Integer> {

    @Option(names = "--with", paramLabel = "JAR", description = "Extra jar(s) whose components join the registries.")
    List<File> with;

    @Option(names = "--env", description = "Also print the environment a run would record (versions, backend, CPU).")
    boolean env;

    @Option(names = "--describe", description = "Print each component's full description (paper, assumptions) and"
            + " its parameters: name, type, default, range and meaning.")
    boolean describe;

    @Parameters(paramLabel = "ID", arity = "0..*", description = "Only these components (e.g. vit-student).")
    List<String> ids;

    @Override
    public Integer call() {
        ClassLoader loader = Plugins.loader(with);
        Registries r = Registries.load(loader);
        if (ids != null) {
            for (String id : ids) {
                if (r.methods().find(id).isEmpty() && r.datasets().find(id).isEmpty() && r.metrics().find(id).isEmpty()) {
                    throw new BadInputException("unknown component '" + id + "'; valid: methods "
                            + String.join(", ", r.methods().ids()) + "; datasets " + String.join(", ", r.datasets().ids())
                            + "; metrics " + String.join(", ", r.metrics().ids()));
                }
            }
        }
        print(r.methods());
        print(r.datasets());
        print(r.metrics());
        if (env) {
            Environment e = Environment.detect(Environment.findBackend(loader));
            System.out.println("environment:");
            System.out.println("  kdbench  " + e.codeVersion());
            System.out.println("  java     " + e.javaVersion());
            System.out.println("  os       " + e.os());
            System.out.println("  cpu      " + e.cpuModel() + " (" + e.availableProcessors() + " processors)");
            System.out.println("  backend  " + e.backendName() + " " + e.backendVersions());
        }
        return 0;
    }

    private <T extends Component> void print(Registry<T> registry) {
        List<T> shown = registry.all().stream().filter(c -> ids == null || ids.contains(c.id())).toList();
        if (shown.isEmpty()) {
            return;
        }
        System.out.println(registry.kind() + "s:");
        int w = shown.stream().mapToInt(c -> c.id().length()).max().orElse(0);
        for (T c : shown) {
            System.out.printf("  %-" + w + "s  %s%n", c.id(), describe ? c.describe() : c.summary());
            if (describe && c instanceof Parameterised p) {
                System.out.print(table(p.parameters(), "    "));
                System.out.println();
            }
        }
        System.out.println();
    }

    /** The parameters as aligned columns: name, type, default, range, meaning; "(no parameters)" for none. */
    static String table(ParamSpec spec, String indent) {
        if (spec.list().isEmpty()) {
            return indent + "(no parameters)" + System.lineSeparator();
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"parameter", "type", "default", "range", "meaning"});
        for (Param p : spec.list()) {
            rows.add(new String[] {p.name(), p.type(), p.defaultText(), p.range().text(), p.meaning()});
        }
        int[] width = new int[4];
        for (String[] row : rows) {
            for (int i = 0; i < width.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (String[] row : rows) {
            b.append(indent);
            for (int i = 0; i < width.length; i++) {
                b.append(row[i]).append(" ".repeat(width[i] - row[i].length() + 2));
            }
            b.append(row[4]).append(System.lineSeparator());
        }
        return b.toString();
    }
}
