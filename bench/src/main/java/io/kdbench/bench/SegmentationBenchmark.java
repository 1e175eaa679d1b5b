package io.kdbench.bench;

import io.kdbench.api.EmptyPolicy;
import io.kdbench.data.LabelMap;
import io.kdbench.metrics.segmentation.LabelPairCounts;
import io.kdbench.metrics.segmentation.SegmentationScore;
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

import java.util.concurrent.TimeUnit;

/**
 * Dice and HD95 of a 256^3 pair of balls (r = 60 and r = 70, centres 3 voxels apart), each measured end to end
 * from the two label maps, in a 512 MiB heap.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class SegmentationBenchmark {
    private LabelMap predicted;
    private LabelMap truth;

    @Setup
    public void setUp() {
        predicted = Volumes.ball(256, 60, 3);
        truth = Volumes.ball(256, 70, 0);
    }

    @Benchmark
    public double dice256() {
        return LabelPairCounts.of(predicted, truth).dice(1);
    }

    @Benchmark
    public double hd95Monai256() {
        return SegmentationScore.HD95_MONAI.score(LabelPairCounts.of(predicted, truth), predicted, truth, 1,
                EmptyPolicy.NAN).value();
    }
}
