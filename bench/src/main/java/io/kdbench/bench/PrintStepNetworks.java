package io.kdbench.bench;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Prints each {@link StepNetwork} as {@code NAME <tab> parameters <tab> description}: bench/step-table hands the counts
 * to the PyTorch script, which refuses to time a network whose count differs.
 *
 * <p>With {@code --dump DIR} it also writes, per network, the weights, one inference batch with its outputs and one
 * training batch with its loss, to {@code DIR/NAME/} (an {@code index.tsv} of names and shapes, and each array as
 * little-endian float32 in {@code <name>.f32}): the PyTorch script loads the weights into its twin and checks that
 * it computes the same outputs and loss, so the two networks are the same function, not only the same size.
 */
public final class PrintStepNetworks {
    private PrintStepNetworks() {
    }

    public static void main(String[] args) throws IOException {
        List<String> names = new ArrayList<>(Arrays.asList(args));
        Path dump = null;
        int at = names.indexOf("--dump");
        if (at >= 0) {
            dump = Path.of(names.get(at + 1));
            names.subList(at, at + 2).clear();
        }
        for (StepNetwork n : StepNetwork.values()) {
            if (names.isEmpty() || names.contains(n.name())) {
                StepNetwork.Built built = n.build(TrainingStepBenchmark.SEED);
                if (dump != null) {
                    dump(built, dump.resolve(n.name()));
                }
                System.out.println(n.name() + "\t" + built.parameters() + "\t" + n.description());
            }
        }
    }

    private static void dump(StepNetwork.Built built, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> index = new ArrayList<>();
        for (SDVariable v : built.inferenceGraph().variables()) {
            if (v.getVariableType() == VariableType.VARIABLE) {
                write(dir, "weight." + v.name(), v.getArr(), index);
            }
        }
        for (Map.Entry<String, INDArray> e : built.inferenceBatch().entrySet()) {
            write(dir, "inference." + e.getKey(), e.getValue(), index);
        }
        for (Map.Entry<String, INDArray> e : built.infer().entrySet()) {
            write(dir, "output." + e.getKey(), e.getValue(), index);
        }
        for (Map.Entry<String, INDArray> e : built.trainingBatch().entrySet()) {
            write(dir, "training." + e.getKey(), e.getValue(), index);
        }
        index.add("loss\t" + built.step()); // the loss before the step's update
        Files.write(dir.resolve("index.tsv"), index);
    }

    private static void write(Path dir, String name, INDArray array, List<String> index) throws IOException {
        float[] values = array.castTo(DataType.FLOAT).dup('c').data().asFloat();
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        Files.write(dir.resolve(name + ".f32"), bytes.array());
        index.add(name + "\t" + Arrays.toString(array.shape()).replaceAll("[\\[\\] ]", ""));
    }
}
