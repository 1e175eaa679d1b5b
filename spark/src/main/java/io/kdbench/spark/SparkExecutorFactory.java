package io.kdbench.spark;

import io.kdbench.run.CellExecutor;
import io.kdbench.run.CellRunner;
import io.kdbench.run.ClusterExecutorFactory;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code kdbench run --spark MASTER}: starts the Spark application (this process is its driver). Settings not given
 * here come from Spark's usual places: spark-submit's options and {@code spark.*} system properties.
 */
public final class SparkExecutorFactory implements ClusterExecutorFactory {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public CellExecutor open(String master, Integer slots, CellRunner cells, List<Path> extraJars) {
        if (slots != null && slots < 1) {
            throw new IllegalArgumentException("--jobs must be >= 1, got " + slots);
        }
        SparkConf conf = new SparkConf().setAppName("kdbench")
                .setIfMissing("spark.ui.showConsoleProgress", "false"); // kdbench draws its own progress bar
        int attempts = SparkSettings.attempts(conf);
        String resolved = SparkSettings.master(master, attempts);
        conf.setMaster(resolved);
        if (resolved.startsWith("local")) {
            // everything runs in this JVM: listen on the loopback address only, not on the machine's network
            conf.setIfMissing("spark.driver.host", "127.0.0.1").setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSettings.shareComputeSettings(conf, System.getenv(), System.getProperty("javacpp.platform.extension"));
        if (!extraJars.isEmpty()) {
            String jars = String.join(",", extraJars.stream().map(p -> p.toAbsolutePath().toString()).toList());
            String given = conf.get("spark.jars", "");
            conf.set("spark.jars", given.isEmpty() ? jars : given + "," + jars);
        }
        JavaSparkContext spark = new JavaSparkContext(conf);
        int n = slots != null ? slots : Math.max(1, spark.defaultParallelism());
        return new SparkCellExecutor(spark, cells, n);
    }
}
