package io.kdbench.bench;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One training step (forward, backward and the AdamW update, by the methods' {@link io.kdbench.methods.train.Fitter})
 * and one inference batch of each network the methods train ({@link StepNetwork}). Sample time, so the result holds
 * the minimum and the median of single steps. Each fork writes its peak resident memory (VmHWM) and the network's
 * parameter count to {@code <kdbench.stepRssDir>/<NETWORK>-<benchmark>.txt}. bench/step-table runs it beside PyTorch,
 * with the launcher's environment (one OpenMP thread, AVX2 kernels, oneDNN natives); the JVM options below are the
 * launcher's. The warm-up and measuring times per benchmark are what step_times.py uses for PyTorch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dorg.bytedeco.javacpp.maxbytes=3G",
        "-Dorg.bytedeco.javacpp.maxphysicalbytes=6G"})
public class TrainingStepBenchmark {
    static final long SEED = 1;

    @Param
    public StepNetwork network;

    private StepNetwork.Built built;

    @Setup(Level.Trial)
    public void build() {
        built = network.build(SEED);
    }

    /** Warm-up of 9 s: the JIT halves a step's time over its first few dozen steps (docs/dl4j-notes.md). */
    @Benchmark
    @Warmup(iterations = 3, time = 3)
    @Measurement(iterations = 5, time = 3)
    public double step() {
        return built.step();
    }

    @Benchmark
    @Warmup(iterations = 2, time = 2)
    @Measurement(iterations = 3, time = 2)
    public Map<String, INDArray> inference() {
        return built.infer();
    }

    @TearDown(Level.Trial)
    public void recordPeakRss(BenchmarkParams params) throws IOException {
        String benchmark = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
        Path dir = Path.of(System.getProperty("kdbench.stepRssDir", "bench/target/step-rss"));
        Files.createDirectories(dir);
        Files.write(dir.resolve(network.name() + "-" + benchmark + ".txt"), List.of(
                "network " + network.name(),
                "benchmark " + benchmark,
                "parameters " + built.parameters(),
                "vmhwm_kb " + peakRssKb(),
                "omp_num_threads " + System.getenv().getOrDefault("OMP_NUM_THREADS", "unset")));
    }

    /** VmHWM of this process in kB (Linux); -1 where /proc is not readable. */
    static long peakRssKb() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1);
    }
}
