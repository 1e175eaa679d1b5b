package io.kdbench.bench;

import io.kdbench.metrics.classification.Auroc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/** Binary AUROC of 10^6 scores (30 % positives, scores rounded to 4 decimals so ties occur). */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class AurocBenchmark {
    private boolean[] positive;
    private double[] scores;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        int n = 1_000_000;
        positive = new boolean[n];
        scores = new double[n];
        for (int i = 0; i < n; i++) {
            positive[i] = random.nextDouble() < 0.3;
            scores[i] = Math.rint((random.nextDouble() + (positive[i] ? 0.3 : 0)) * 1e4) / 1e4;
        }
    }

    @Benchmark
    public double auroc1e6() {
        return Auroc.binary(positive, scores).value();
    }
}
