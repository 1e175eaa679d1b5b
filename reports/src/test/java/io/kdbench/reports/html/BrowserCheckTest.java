package io.kdbench.reports.html;

import io.kdbench.reports.ReportFileChecks;
import io.kdbench.reports.ReportWriter;
import io.kdbench.reports.ReportWriterTestAccess;
import io.kdbench.reports.model.ExperimentOrder;
import io.kdbench.reports.model.MetricDirections;
import io.kdbench.reports.model.Reported;
import io.kdbench.store.CellRecord;
import io.kdbench.store.ResultsStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the report in headless Chromium: fails on a JavaScript error or a broken image, and saves a screenshot to
 * {@code reports/target/browser-check/report.png}. Skipped, with a message, only when no Chromium binary is found
 * (Debian: {@code apt-get update && apt-get install -y chromium}; or set KDBENCH_CHROMIUM to the binary). The report
 * of the committed quick baseline is checked the same way, and from its files (with or without Chromium): one colour
 * per method across all charts, no interval outside its metric's range, units on the axes of distance metrics.
 */
class BrowserCheckTest {
    /** Collects errors from the first moment and, once everything has loaded, writes what it found into the DOM. */
    static final String PROBE = """
            <script>
            window.__kdbenchErrors = [];
            window.addEventListener('error', function (e) {
              var t = e.target;
              window.__kdbenchErrors.push(t && t !== window ? 'failed to load ' + (t.src || t.href) : String(e.message));
            }, true);
            window.addEventListener('load', function () {
              var broken = Array.prototype.filter.call(document.images, function (i) {
                return !i.complete || i.naturalWidth === 0;
              }).map(function (i) { return i.getAttribute('src'); });
              var out = document.createElement('pre');
              out.id = 'kdbench-check';
              out.textContent = 'images=' + document.images.length + ';broken=' + broken.join(',')
                  + ';errors=' + window.__kdbenchErrors.join(' | ');
              document.body.appendChild(out);
            });
            </script>
            """;

    static Path chromium;

    @TempDir
    Path dir;

    @BeforeAll
    static void findChromium() {
        chromium = find().orElse(null);
    }

    static Optional<Path> find() {
        String env = System.getenv("KDBENCH_CHROMIUM");
        if (env != null && !env.isBlank() && Files.isExecutable(Path.of(env))) {
            return Optional.of(Path.of(env));
        }
        for (String dirName : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
                Path p = Path.of(dirName, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    @Test
    void theReportLoadsWithoutErrorsOrBrokenImages() throws Exception {
        assumeTrue(chromium != null, "no chromium binary found: browser check skipped "
                + "(install it: apt-get update && apt-get install -y chromium, or set KDBENCH_CHROMIUM)");
        Path index = ReportWriterTestAccess.write(dir);
        String result = probe(index);
        Matcher m = Pattern.compile("images=(\\d+);broken=(.*);errors=(.*)").matcher(result);
        assertTrue(m.find(), "the probe did not report: " + result);
        assertTrue(Integer.parseInt(m.group(1)) >= 8, "images on the page: " + m.group(1));
        assertEquals("", m.group(2), "broken images");
        assertEquals("", m.group(3), "JavaScript or loading errors");

        Path shot = Path.of("target", "browser-check", "report.png").toAbsolutePath();
        Files.createDirectories(shot.getParent());
        Files.deleteIfExists(shot);
        run(List.of("--screenshot=" + shot, "--window-size=1280,2400", "--hide-scrollbars", index.toUri().toString()));
        assertTrue(Files.size(shot) > 10_000, "screenshot " + shot);
    }

    @Test
    void theQuickBaselinesReportHasOneColourPerMethodIntervalsInRangeAndUnitsOnDistanceAxes() throws Exception {
        Path report = quickReport();
        List<String> labels = new ArrayList<>();
        for (CellRecord c : cells) {
            String method = c.spec().method();
            for (String l : List.of(method, method + " (floor)", method + " (upper bound)")) {
                if (!labels.contains(l)) {
                    labels.add(l);
                }
            }
        }
        Map<String, Map<String, String>> colours = ReportFileChecks.legendColours(report.resolve("charts"), labels);
        assertTrue(colours.size() >= 12, "charts with a legend of methods: " + colours.keySet());
        assertEquals(List.of(), ReportFileChecks.colourProblems(colours));
        assertEquals(List.of(), ReportFileChecks.intervalsOutsideRange(report.resolve("intervals.csv")));
        assertEquals(List.of(), ReportFileChecks.axesWithoutUnits(report.resolve("charts"), Map.of("hd95[monai]", "mm")));
        assertTrue(Files.readString(report.resolve("charts").resolve("metrics-fetal-us.svg")).contains("mm, lower is better"));

        assumeTrue(chromium != null, "no chromium binary found: browser check of the quick report skipped");
        String result = probe(report.resolve("index.html"));
        Matcher m = Pattern.compile("images=(\\d+);broken=(.*);errors=(.*)").matcher(result);
        assertTrue(m.find(), "the probe did not report: " + result);
        assertEquals("", m.group(2), "broken images");
        assertEquals("", m.group(3), "JavaScript or loading errors");
        Path shot = Path.of("target", "browser-check", "quick.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        run(List.of("--screenshot=" + shot, "--window-size=1280,4000", "--hide-scrollbars", report.resolve("index.html").toUri().toString()));
        assertTrue(Files.size(shot) > 10_000, "screenshot " + shot);
    }

    private List<CellRecord> cells;

    /** The quick baseline's report, written into target/browser-check/quick/ (kept for a look). */
    private Path quickReport() throws IOException {
        Path results = Path.of("..", "results", "baselines", "quick");
        cells = new ResultsStore(results).latestPerSpec();
        Path out = Path.of("target", "browser-check", "quick").toAbsolutePath();
        Files.createDirectories(out);
        new ReportWriter(MetricDirections.load()).write(out, "quick", cells, List.of(), Reported.NONE,
                QUICK_ORDER, "kdbench report results/baselines/quick");
        return out;
    }

    /** The quick experiment's order (its file names plug-in-free components, but reading it needs the method registry). */
    static final ExperimentOrder QUICK_ORDER = new ExperimentOrder(
            List.of("knee-mr-federated", "cxr-report", "mammo-tabular", "rgbd-incomplete", "skin-pairs", "fetal-us"),
            List.of("prior", "linear-probe", "vit-student", "mmpkd", "mmpkd-teacher", "osmd-rgb-only", "osmd", "osmd-two-stage",
                    "osmd-full-modality", "ssn", "ssn-separate-encoders", "ssn-late-fusion", "hdc", "mean-teacher",
                    "seg-supervised", "fed-dual-kd", "fedavg", "fed-local-only", "fed-centralised"));

    @Test
    void theQuickOrderIsTheExperimentFilesOrder() throws IOException {
        String yaml = Files.readString(Path.of("..", "experiments", "quick.yaml"));
        int last = -1;
        for (String d : QUICK_ORDER.datasets()) {
            int at = yaml.indexOf("  - id: " + d + "\n") >= 0 ? yaml.indexOf("  - id: " + d + "\n") : yaml.indexOf("  - id: " + d);
            assertTrue(at > last, d + " out of order in experiments/quick.yaml");
            last = at;
        }
        last = yaml.indexOf("methods:");
        for (String mth : QUICK_ORDER.methods()) {
            int at = yaml.indexOf("  - id: " + mth + "\n", last);
            assertTrue(at > last, mth + " out of order in experiments/quick.yaml");
            last = at;
        }
    }

    @Test
    void theProbeCatchesABrokenImageAndAScriptError() throws Exception {
        assumeTrue(chromium != null, "no chromium binary found: browser check skipped");
        Path page = dir.resolve("bad.html");
        Files.writeString(page, "<!DOCTYPE html><html><head><title>x</title></head><body><img src=\"missing.png\">"
                + "<script>undefinedFunction();</script></body></html>");
        String result = probe(page);
        assertTrue(result.contains("broken=missing.png;"), result);
        assertTrue(result.contains("undefinedFunction"), result);
    }

    /** Loads a copy of the page with the probe injected first in its head, and returns what the probe wrote. */
    private String probe(Path page) throws IOException, InterruptedException {
        String html = Files.readString(page);
        int head = html.indexOf("<head>");
        String probed = head < 0 ? PROBE + html : html.substring(0, head + 6) + PROBE + html.substring(head + 6);
        Path copy = page.resolveSibling(".browser-check.html");
        Files.writeString(copy, probed);
        try {
            String dom = run(List.of("--dump-dom", copy.toUri().toString()));
            Matcher m = Pattern.compile("<pre id=\"kdbench-check\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
            return m.find() ? m.group(1).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">") : dom;
        } finally {
            Files.deleteIfExists(copy);
        }
    }

    private String run(List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + dir.resolve("chromium-profile"),
                "--virtual-time-budget=15000"));
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("chromium.log").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish in 120 s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("chromium exited " + p.exitValue() + ": " + Files.readString(dir.resolve("chromium.log")));
        }
        return new String(out, java.nio.charset.StandardCharsets.UTF_8);
    }
}
