package io.kdbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No package cycle within a module's main sources: for every module of the repository (a folder beside the root pom
 * with {@code src/main/java}), the graph "package A uses package B" read from import lines (static and wildcard
 * ones too) and from fully qualified names in the code has no cycle. A cycle is reported with the files and names
 * that make each of its arrows.
 */
class PackageCyclesTest {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT =
            Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+?)(?:\\.\\*)?\\s*;", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\b((?:[a-z_][\\w]*\\.)+[A-Z]\\w*)");
    private static final Pattern COMMENT = Pattern.compile("/\\*[\\s\\S]*?\\*/|//[^\\n]*");

    @Test
    void noModuleHasAPackageCycle() throws IOException {
        Path root = DocsLinksTest.repositoryRoot();
        List<Path> modules;
        try (Stream<Path> children = Files.list(root)) {
            modules = children.filter(m -> Files.isDirectory(m.resolve("src/main/java"))).sorted().toList();
        }
        assertTrue(modules.size() >= 7, "modules found under " + root + ": " + modules);
        List<String> problems = new ArrayList<>();
        for (Path module : modules) {
            for (String cycle : cycles(module.resolve("src/main/java"))) {
                problems.add(module.getFileName() + ": " + cycle);
            }
        }
        assertEquals(List.of(), problems, "package cycles:\n" + String.join("\n", problems));
    }

    @Test
    void aCycleIsFoundWithTheArrowsThatMakeIt(@TempDir Path src) throws IOException {
        write(src, "a/A.java", "package a;\nimport b.B;\nclass A { B b; }\n");
        write(src, "b/B.java", "package b;\nclass B { c.C c; }\n"); // a qualified name, no import
        write(src, "c/C.java", "package c;\nimport static a.A.x;\nclass C { }\n");
        write(src, "d/D.java", "package d;\nimport a.A;\n// c.C in a comment is no arrow\nclass D { }\n");
        write(src, "e/E.java", "package e;\nimport java.util.List;\nimport d.*;\nclass E { }\n");

        assertEquals(List.of("[a, b, c]: a -> b (A.java: b.B); b -> c (B.java: c.C); c -> a (C.java: a.A.x)"),
                cycles(src));
    }

    @Test
    void packagesThatOnlyPointOneWayHaveNoCycle(@TempDir Path src) throws IOException {
        write(src, "a/A.java", "package a;\nimport a.sub.S;\nclass A { }\n");
        write(src, "a/sub/S.java", "package a.sub;\n/** {@link a.A} is documentation only */\nclass S { }\n");

        assertEquals(List.of(), cycles(src));
    }

    /** One line per strongly connected set of two or more packages: the packages, then each arrow among them. */
    static List<String> cycles(Path sourceRoot) throws IOException {
        Map<String, String> packageOfFile = new TreeMap<>();
        Map<String, String> textOfFile = new HashMap<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = Files.readString(f);
                Matcher m = PACKAGE.matcher(text);
                String name = sourceRoot.relativize(f).toString();
                packageOfFile.put(name, m.find() ? m.group(1) : "");
                textOfFile.put(name, text);
            }
        }
        Set<String> packages = new TreeSet<>(packageOfFile.values());
        // arrows: package -> package -> the "File.java: name" uses that make the arrow
        Map<String, Map<String, Set<String>>> arrows = new TreeMap<>();
        packageOfFile.forEach((file, from) -> {
            String code = COMMENT.matcher(textOfFile.get(file)).replaceAll("");
            List<String> names = new ArrayList<>();
            Matcher imports = IMPORT.matcher(code);
            while (imports.find()) {
                names.add(imports.group(1));
            }
            Matcher qualified = QUALIFIED.matcher(PACKAGE.matcher(code).replaceAll("").replaceAll("(?m)^import .*$", ""));
            while (qualified.find()) {
                names.add(qualified.group(1));
            }
            for (String name : names) {
                String to = packageOf(name, packages);
                if (to != null && !to.equals(from)) {
                    arrows.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new TreeSet<>())
                            .add(Path.of(file).getFileName() + ": " + name);
                }
            }
        });
        List<String> found = new ArrayList<>();
        for (Set<String> component : stronglyConnected(packages, arrows)) {
            if (component.size() < 2) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            for (String from : component) {
                arrows.getOrDefault(from, Map.of()).forEach((to, uses) -> {
                    if (component.contains(to)) {
                        parts.add(from + " -> " + to + " (" + String.join(", ", uses) + ")");
                    }
                });
            }
            found.add(component + ": " + String.join("; ", parts));
        }
        return found;
    }

    /** The longest known package that a name begins with, or null (a JDK or library name). */
    private static String packageOf(String name, Set<String> packages) {
        for (String n = name; !n.isEmpty(); n = n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : "") {
            if (packages.contains(n)) {
                return n;
            }
        }
        return null;
    }

    /** Tarjan's strongly connected components, each sorted, in order of their first package. */
    private static List<Set<String>> stronglyConnected(Set<String> nodes, Map<String, Map<String, Set<String>>> arrows) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String start : nodes) {
            if (!index.containsKey(start)) {
                visit(start, arrows, index, low, stack, onStack, components);
            }
        }
        components.sort(Comparator.comparing(c -> c.iterator().next()));
        return components;
    }

    private static void visit(String v, Map<String, Map<String, Set<String>>> arrows, Map<String, Integer> index,
                              Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                              List<Set<String>> components) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : arrows.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                visit(w, arrows, index, low, stack, onStack, components);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            components.add(component);
        }
    }

    private static void write(Path root, String file, String text) {
        try {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
