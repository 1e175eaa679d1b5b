package io.kdbench.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Quiet by default (kdbench at WARN, DL4J / ND4J / JavaCPP at WARN); {@code --verbose} opens kdbench to DEBUG and the rest to INFO. */
final class Logging {
    private Logging() {
    }

    static void configure(boolean verbose) {
        set(Logger.ROOT_LOGGER_NAME, verbose ? Level.INFO : Level.WARN);
        set("io.kdbench", verbose ? Level.DEBUG : Level.WARN);
        for (String noisy : new String[] {"org.nd4j", "org.deeplearning4j", "org.bytedeco", "org.reflections"}) {
            set(noisy, verbose ? Level.INFO : Level.WARN);
        }
        // ND4J warns of duplicate TensorFlow import mappings on every start: not ours to fix, not news.
        set("org.nd4j.imports", verbose ? Level.INFO : Level.ERROR);
        // 3-D upsampling warns "No fields found for property ..." on every graph build.
        set("org.nd4j.autodiff.functions", verbose ? Level.INFO : Level.ERROR);
        set("org.tribuo", verbose ? Level.INFO : Level.WARN);
        // with --spark, every start warns that the host name is a loopback address and that Hadoop's natives are
        // missing: true of any single machine and harmless here; Spark's task warnings (lost tasks, retries) stay
        set("org.apache.spark.util.Utils", verbose ? Level.INFO : Level.ERROR);
        set("org.apache.hadoop.util.NativeCodeLoader", verbose ? Level.INFO : Level.ERROR);
    }

    private static void set(String name, Level level) {
        // under spark-submit SLF4J logs through Spark's log4j 2, which Spark's own configuration sets up
        if (LoggerFactory.getLogger(name) instanceof Logger logger) {
            logger.setLevel(level);
        }
    }
}
