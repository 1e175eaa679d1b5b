package io.kdbench.methods.hdc;

import io.kdbench.api.TrainContext;
import io.kdbench.methods.train.SegmentationData;
import io.kdbench.methods.train.StudentGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** HDC's full loss sends gradient into every part of the student: encoder, main decoder and noisy decoder. */
class HdcGradientTest {
    @Test
    void everyStudentPartGetsGradient() {
        Hdc hdc = new Hdc();
        TrainContext ctx = SemiSupervisedRowsTest.tiny(hdc, 1, 3);
        SegmentationData data = new SegmentationData(ctx.splits().train(), SemiSupervisedSegmentation.MODALITY,
                ctx.dataset().numClasses(), false);
        StudentGraph graph = new StudentGraph(StudentGraph.config(ctx.params(), data), 3);
        var step = hdc.build(graph, data, ctx.params());
        Map<String, INDArray> batch = step.batch(new int[] {0, 1, 2, 3}, new SplittableRandom(1), 1.0);
        graph.sd().setLossVariables("loss");
        Map<String, INDArray> grads = graph.sd().calculateGradients(batch, step.trainable());
        List<String> parts = List.of("enc", "dec", "ndec");
        for (String part : parts) {
            double norm = step.trainable().stream().filter(v -> v.contains("_" + part))
                    .mapToDouble(v -> grads.get(v).norm2Number().doubleValue()).sum();
            assertTrue(norm > 0, "no gradient reaches the student's " + part + " (" + step.trainable() + ")");
        }
        long dead = step.trainable().stream().filter(v -> grads.get(v).norm2Number().doubleValue() == 0).count();
        assertTrue(dead == 0, dead + " student variables get no gradient");
    }
}
