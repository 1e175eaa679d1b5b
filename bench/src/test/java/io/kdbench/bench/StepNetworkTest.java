package io.kdbench.bench;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Params;
import io.kdbench.data.Image;
import io.kdbench.data.Splits;
import io.kdbench.experiment.ComponentSpec;
import io.kdbench.experiment.Experiment;
import io.kdbench.experiment.ExperimentLoader;
import io.kdbench.methods.mmpkd.VitStudent;
import io.kdbench.methods.nn.CnnEncoder;
import io.kdbench.methods.train.CnnClassifier;
import io.kdbench.methods.train.SegmentationData;
import io.kdbench.methods.train.StudentGraph;
import io.kdbench.registry.Registries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each benchmark network is the row of its experiment file: the same parameters, the dataset's image shape and
 * classes, and the parameter count the method's own construction gives on that dataset. One step and one inference
 * batch run (no timing).
 */
class StepNetworkTest {
    private static final Registries REGISTRIES = Registries.load();

    @ParameterizedTest
    @EnumSource(StepNetwork.class)
    void isTheRowOfItsExperimentFile(StepNetwork network) {
        Experiment experiment = new ExperimentLoader(REGISTRIES)
                .load(Path.of("..", "experiments", network.experiment() + ".yaml"));
        ComponentSpec datasetSpec = experiment.datasets().stream().filter(d -> d.id().equals(network.datasetId()))
                .findFirst().orElseThrow();
        ComponentSpec methodSpec = experiment.methods().stream()
                .filter(m -> m.id().equals(network.methodId()) && m.runsOn(datasetSpec.label())).findFirst().orElseThrow();
        assertEquals(methodSpec.params().asMap(), network.params().asMap(), "the row's parameters");

        BenchmarkDataset dataset = REGISTRIES.datasets().get(network.datasetId());
        DatasetInfo info = dataset.info(datasetSpec.params());
        assertEquals(info.task(), network.datasetInfo().task());
        assertEquals(info.classes(), network.datasetInfo().classes());
        Splits splits = dataset.splits(few(datasetSpec.params()), 1);
        Image example = splits.train().get(0).image("image");
        Image expected = network.example();
        assertEquals(List.of(example.channels(), example.depth(), example.height(), example.width()),
                List.of(expected.channels(), expected.depth(), expected.height(), expected.width()), "image shape");

        StepNetwork.Built built = network.build(TrainingStepBenchmark.SEED);
        assertEquals(methodsCount(network, methodSpec.params(), info, example, splits), built.parameters(),
                "parameters as the method builds them");
        assertTrue(Double.isFinite(built.step()));
        assertEquals(built.inferenceOutputs().size(), built.infer().size());
    }

    /** The dataset's parameters with a handful of cases: the image shape does not depend on how many. */
    private static Params few(Params p) {
        for (String n : List.of("n_train", "n_val", "n_test")) {
            if (p.asMap().containsKey(n)) {
                p = p.with(n, 10);
            }
        }
        return p;
    }

    /** The parameter count of the network as the row's method constructs it (see the methods' train()). */
    private static long methodsCount(StepNetwork network, Params p, DatasetInfo info, Image example, Splits splits) {
        return switch (network) {
            case VIT_QUICK, VIT_PAPER -> VitStudent.newStudent(p, info, example, 1).parameterCount();
            // OsmdRow.trainCnn on the available modality
            case CNN_OSMD -> new CnnClassifier(List.of("image"), new int[] {example.channels()}, example.height(),
                    info.numClasses(), p.getList("widths").stream().mapToInt(o -> ((Number) o).intValue()).toArray(),
                    p.getString("pooling").equals("learned") ? CnnEncoder.Pooling.LEARNED : CnnEncoder.Pooling.AVERAGE,
                    1).parameterCount();
            case UNET_2D, UNET_3D -> {
                SegmentationData data = new SegmentationData(splits.train(), "image", info.numClasses(),
                        network == StepNetwork.UNET_3D);
                yield new StudentGraph(StudentGraph.config(p, data), 1).model("image", 1).parameterCount();
            }
        };
    }
}
