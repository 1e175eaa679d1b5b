package io.kdbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documentation holds together: every relative link of README.md and docs/*.md names a file that exists and,
 * with a {@code #anchor}, a heading of that file (GitHub's anchors: lowercase, punctuation removed, spaces to
 * hyphens, {@code -1}, {@code -2} ... for repeated headings); README.md stays a front page of at most 200 lines.
 */
class DocsLinksTest {
    static final int MAX_README_LINES = 200;

    /** {@code [text](target)} or {@code ![alt](target "title")}: group 1 is the target. */
    private static final Pattern LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}\\s+(.*?)(?:\\s+#+)?\\s*$");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+).*?\\1");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    /** What a check found: how many relative links it followed, and one line per broken one. */
    record Check(int links, List<String> problems) {
    }

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsResolvesToAFileAndAHeading() throws IOException {
        Path root = repositoryRoot();
        List<Path> files = markdownFiles(root);
        assertTrue(files.size() > 5, "README.md and the docs/*.md files: " + files);
        Check check = check(root, files);
        assertTrue(check.links() > 50, "links followed: " + check.links());
        assertEquals(List.of(), check.problems(), "broken links:\n" + String.join("\n", check.problems()));
    }

    @Test
    void theReadmeIsAFrontPageOfAtMost200Lines() throws IOException {
        long lines = Files.readAllLines(repositoryRoot().resolve("README.md")).size();
        assertTrue(lines <= MAX_README_LINES, "README.md has " + lines + " lines; move detail into docs/ (at most "
                + MAX_README_LINES + ")");
    }

    @Test
    void theReadmeOpensWithTheTwoCommandsAndCiRunsItsTestCommand() throws IOException {
        Path root = repositoryRoot();
        List<String> readme = Files.readAllLines(root.resolve("README.md"));
        assertEquals(List.of("# kdbench", "", "```"), readme.subList(0, 3));
        assertTrue(readme.get(3).startsWith("./kdbench run experiments/quick.yaml "), readme.get(3));
        assertTrue(readme.get(4).startsWith("mvn -B verify "), readme.get(4));
        assertEquals("```", readme.get(5));
        assertTrue(Files.readAllLines(root.resolve(".ci/run")).contains("mvn -B verify"),
                ".ci/run must run the README's test command, mvn -B verify");
    }

    @Test
    void brokenFilesAndAnchorsAreFoundAndCodeIsNotReadAsLinks(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("docs/img"));
        Files.writeString(root.resolve("docs/img/a.png"), "png");
        Files.writeString(root.resolve("README.md"), String.join("\n",
                "# kdbench",
                "## What a run does",
                "[here](#what-a-run-does), [data](docs/data.md#real-data-the-manifest-dataset), [web](https://x.org/#y)",
                "[gone](docs/missing.md) and [no heading](docs/data.md#real-data) and [self](#nowhere)",
                "`[in code](docs/none.md)` is code",
                "```",
                "[fenced](docs/none.md)",
                "## Not a heading",
                "```",
                "[not a heading](#not-a-heading)"));
        Files.writeString(root.resolve("docs/data.md"), String.join("\n",
                "# Datasets",
                "![picture](img/a.png) ![lost](img/b.png)",
                "## Real data: the `manifest` dataset",
                "## Notes", "## Notes",
                "[second](#notes-1) [third](#notes-2) [front](../README.md#what-a-run-does)"));
        Check check = check(root, markdownFiles(root));
        assertEquals(List.of(
                "README.md:4: [..](docs/missing.md): no such file",
                "README.md:4: [..](docs/data.md#real-data): no heading 'real-data' in docs/data.md",
                "README.md:4: [..](#nowhere): no heading 'nowhere' in README.md",
                "README.md:10: [..](#not-a-heading): no heading 'not-a-heading' in README.md",
                "docs/data.md:2: [..](img/b.png): no such file",
                "docs/data.md:6: [..](#notes-2): no heading 'notes-2' in docs/data.md"), check.problems());
        assertEquals(11, check.links());
    }

    @Test
    void anchorsAreGithubs() {
        assertEquals("real-data-the-manifest-dataset", slug("Real data: the `manifest` dataset"));
        assertEquals("statistics-iokdbenchstats", slug("Statistics (`io.kdbench.stats`)"));
        assertEquals("hd95-conventions-beside-monais-and-medpys", slug("HD95: conventions beside MONAI's and medpy's"));
        assertEquals("the-standard-experiment-the-papers-claims-tested",
                slug("The standard experiment: the papers' claims tested"));
        assertEquals("same-bits-on-every-x86-64-machine-the-pinned-instruction-sets",
                slug("Same bits on every x86-64 machine: the pinned instruction sets"));
        assertEquals("the-learned-verdict", slug("The \"learned\" verdict"));
    }

    /** The folder above the working directory (or the working directory) that holds pom.xml and README.md. */
    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isRegularFile(p.resolve("README.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("no folder with pom.xml and README.md above " + Path.of("").toAbsolutePath());
    }

    /** README.md and every docs/*.md, sorted. */
    static List<Path> markdownFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> s = Files.list(docs)) {
                files.addAll(s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList());
            }
        }
        return files;
    }

    /** Follows every relative link of the files (outside code) and names each that does not resolve. */
    static Check check(Path root, List<Path> files) throws IOException {
        Map<Path, Set<String>> anchorsOf = new HashMap<>();
        List<String> problems = new ArrayList<>();
        int links = 0;
        for (Path file : files) {
            List<String> lines = proseLines(Files.readString(file));
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = LINK.matcher(INLINE_CODE.matcher(lines.get(i)).replaceAll(""));
                while (m.find()) {
                    String target = m.group(1);
                    if (SCHEME.matcher(target).find()) {
                        continue;
                    }
                    links++;
                    int hash = target.indexOf('#');
                    String path = hash < 0 ? target : target.substring(0, hash);
                    Path to = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
                    String where = root.relativize(file) + ":" + (i + 1) + ": [..](" + target + "): ";
                    if (!Files.exists(to)) {
                        problems.add(where + "no such file");
                    } else if (hash >= 0) {
                        String anchor = target.substring(hash + 1);
                        Set<String> anchors = anchorsOf.computeIfAbsent(to, DocsLinksTest::anchorsOf);
                        if (!anchors.contains(anchor)) {
                            problems.add(where + "no heading '" + anchor + "' in " + root.relativize(to));
                        }
                    }
                }
            }
        }
        return new Check(links, problems);
    }

    private static Set<String> anchorsOf(Path file) {
        try {
            return anchors(Files.readString(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** GitHub's anchors of a Markdown text's headings, a repeated one numbered {@code -1}, {@code -2} ... */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : proseLines(markdown)) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String s = slug(m.group(1));
                int n = seen.merge(s, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? s : s + "-" + n);
            }
        }
        return anchors;
    }

    /** A heading's anchor as GitHub makes it: lowercase, all but letters, digits, '_', '-' and spaces dropped. */
    static String slug(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "")
                .replace(' ', '-');
    }

    /** The lines of a Markdown text, with the lines inside fenced code blocks (and the fences) blanked. */
    static List<String> proseLines(String markdown) {
        List<String> out = new ArrayList<>();
        String fence = null;
        for (String line : markdown.split("\n", -1)) {
            String t = line.stripLeading();
            if (fence == null && (t.startsWith("```") || t.startsWith("~~~"))) {
                fence = t.substring(0, 3);
                out.add("");
            } else if (fence != null) {
                if (t.startsWith(fence)) {
                    fence = null;
                }
                out.add("");
            } else {
                out.add(line);
            }
        }
        return out;
    }
}
