package io.kdbench.spark;

import io.kdbench.env.Environment;
import org.apache.spark.SparkConf;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How kdbench sets up a Spark application: the master, task retries, and what executors must share with the driver. */
final class SparkSettings {
    static final String MAX_FAILURES = "spark.task.maxFailures";
    static final int DEFAULT_MAX_FAILURES = 4; // Spark's own default
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|\\d+)])?");
    private static final Pattern OTHER = Pattern.compile("local\\[.*]|(spark|k8s)://.+|yarn");

    private SparkSettings() {
    }

    /**
     * The master to connect to. Spark's local mode ignores {@code spark.task.maxFailures} and tries a task once
     * unless the master says {@code local[N,F]}: {@code local[N]} becomes {@code local[N,F]} so a failing task is
     * retried there as on a cluster. Other masters are Spark's to check.
     */
    static String master(String given, int maxFailures) {
        if (given == null || given.isBlank()) {
            throw new IllegalArgumentException("--spark needs a master, e.g. local[2], spark://host:7077, yarn,"
                    + " k8s://https://host:6443");
        }
        Matcher m = LOCAL.matcher(given.trim());
        if (!m.matches()) {
            if (!OTHER.matcher(given.trim()).matches()) {
                throw new IllegalArgumentException("--spark " + given + ": not a Spark master; use local[N],"
                        + " spark://HOST:7077, yarn or k8s://https://HOST:6443");
            }
            return given.trim();
        }
        String threads = m.group(1) == null ? "1" : m.group(1);
        return "local[" + threads + "," + maxFailures + "]";
    }

    /** How many times a task is tried: spark.task.maxFailures, or Spark's default. */
    static int attempts(SparkConf conf) {
        int n = conf.getInt(MAX_FAILURES, DEFAULT_MAX_FAILURES);
        if (n < 1) {
            throw new IllegalArgumentException(MAX_FAILURES + " must be >= 1, got " + n);
        }
        return n;
    }

    /**
     * Gives executors the driver's deterministic-mode settings (OpenMP threads, kernel pins, natives flavour) unless
     * the configuration sets them: the cells are named for the driver's, and an executor computing otherwise would
     * store other bits under that name (it refuses to, see {@link CellTask}).
     */
    static void shareComputeSettings(SparkConf conf, Map<String, String> env, String nativesExtension) {
        for (String key : Environment.PINNED) {
            String value = env.get(key);
            if (value != null) {
                conf.setIfMissing("spark.executorEnv." + key, value);
            }
        }
        if (nativesExtension != null) {
            String option = "-Djavacpp.platform.extension=" + nativesExtension;
            String options = conf.get("spark.executor.extraJavaOptions", "");
            if (!options.contains("-Djavacpp.platform.extension=")) {
                conf.set("spark.executor.extraJavaOptions", (options + " " + option).trim());
            }
        }
    }
}
