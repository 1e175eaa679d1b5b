package io.kdbench.cli;

import io.kdbench.api.Component;
import io.kdbench.env.Environment;
import io.kdbench.registry.Registries;
import io.kdbench.registry.Registry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.File;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code kdbench list}: every registered method, dataset and metric with a one-line description. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List registered methods, datasets and metrics (and with --env, the environment).")
final class ListCommand implements Callable<Integer> {

    @Option(names = "--with", paramLabel = "JAR", description = "Extra jar(s) whose components join the registries.")
    List<File> with;

    @Option(names = "--env", description = "Also print the environment a run would record (versions, backend, CPU).")
    boolean env;

    @Option(names = "--describe", description = "Print each component's full description (paper, assumptions).")
    boolean describe;

    @Override
    public Integer call() {
        ClassLoader loader = Plugins.loader(with);
        Registries r = Registries.load(loader);
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
        System.out.println(registry.kind() + "s:");
        int w = registry.ids().stream().mapToInt(String::length).max().orElse(0);
        for (T c : registry.all()) {
            System.out.printf("  %-" + w + "s  %s%n", c.id(), describe ? c.describe() : c.summary());
        }
        System.out.println();
    }
}
