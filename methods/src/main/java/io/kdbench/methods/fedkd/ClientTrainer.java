package io.kdbench.methods.fedkd;

import io.kdbench.api.Params;
import io.kdbench.api.Seeds;
import io.kdbench.data.Image;
import io.kdbench.methods.augment.Augmenter;
import io.kdbench.methods.nn.Ema;
import io.kdbench.methods.nn.SegmentationLosses;
import io.kdbench.methods.nn.UNet;
import io.kdbench.methods.train.BatchOrder;
import io.kdbench.methods.train.Fitter;
import io.kdbench.methods.train.LearningRateSchedule;
import io.kdbench.methods.train.PseudoLabels;
import io.kdbench.methods.train.Rampup;
import io.kdbench.methods.train.Recipe;
import io.kdbench.methods.train.SegmentationData;
import io.kdbench.methods.train.SegmentationTensors;
import io.kdbench.methods.train.StudentGraph;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A client's local training: the student graph with the row's loss and a teacher graph, reused by every
 * client (weights are loaded in and out).
 */
final class ClientTrainer {
    /** A client's share of one round: the sum of its step losses and the number of steps. */
    record Result(double lossSum, int steps) {
    }

    final StudentGraph student;
    final StudentGraph teacher;
    final StudentGraph inference;
    final FederatedMethod.LocalLoss loss;
    final int voxels;
    final int classes;
    final boolean threeD;
    /** Passes over each client's unlabelled volumes so far, across rounds (the dual-KD teacher's warm-up). */
    private final int[] passes;
    /** The mean teacher's input noise: its own stream, so the batches are FedAvg's (consistency 0 is FedAvg). */
    private final SplittableRandom noise;
    /**
     * The teacher's EMA of the student, its decay given at each update: the mean teacher's ema_decay at every step,
     * dual KD's scheduled decay at pass ends (null for the other losses, whose teachers do not move).
     */
    private final Ema teacherEma;

    /**
     * @param supervision the labelled data whose {@link SegmentationData#supervisedLoss} rule (Dice background, CE class
     *                    weights) every client's supervised term uses: the labelled volumes of all clients
     */
    ClientTrainer(UNet.Config cfg, SegmentationData supervision, Params p, FederatedMethod.LocalLoss loss, int clients,
                  long seed) {
        this.student = new StudentGraph(cfg, seed);
        this.teacher = student.teacherCopy();
        this.inference = student.teacherCopy();
        this.loss = loss;
        this.passes = new int[clients];
        this.noise = new SplittableRandom(Seeds.stream("consistency-noise", seed));
        this.voxels = supervision.voxels();
        this.classes = cfg.classes();
        this.threeD = cfg.threeD();
        this.teacherEma = loss == FederatedMethod.LocalLoss.MEAN_TEACHER || loss == FederatedMethod.LocalLoss.DUAL_KD
                ? new Ema(student.sd(), teacher.sd(), student.samePairs()) : null;
        SameDiff sd = student.sd();
        UNet s = student.student();
        SDVariable xl = student.placeholder("xl", cfg.inChannels());
        SDVariable yl = sd.placeHolder("yl", DataType.FLOAT, -1, voxels, classes);
        SDVariable sup = supervision.supervisedLoss(sd, s.decode(0, s.encode(xl), null).logits(), yl);
        if (loss == FederatedMethod.LocalLoss.SUPERVISED) {
            sup.rename("loss");
            return;
        }
        if (loss == FederatedMethod.LocalLoss.MEAN_TEACHER) {
            SDVariable xu = student.placeholder("xu", cfg.inChannels());
            SDVariable pt = sd.placeHolder("pt", DataType.FLOAT, -1, voxels, classes);
            SDVariable w = sd.placeHolder("w_cons", DataType.FLOAT);
            SDVariable cons = SegmentationLosses.softmaxMse(sd, s.decode(0, s.encode(xu), null).logits(), pt,
                    classes, threeD);
            sup.add(cons.mul(w)).rename("loss");
            return;
        }
        SDVariable xu = student.placeholder("xu", cfg.inChannels());
        SDVariable pt = sd.placeHolder("pt", DataType.FLOAT, -1, voxels, classes);
        SDVariable mask = sd.placeHolder("mask", DataType.FLOAT, -1, voxels);
        int bottleneck = cfg.channels(cfg.levels() - 1);
        SDVariable ft = cfg.threeD() ? sd.placeHolder("ft", DataType.FLOAT, -1, bottleneck, -1, -1, -1)
                : sd.placeHolder("ft", DataType.FLOAT, -1, bottleneck, -1, -1);
        SDVariable w = sd.placeHolder("w_resp", DataType.FLOAT);
        UNet.Encoded eu = s.encode(xu);
        SDVariable resp = DualKdLosses.response(sd, s.decode(0, eu, null).logits(), pt, mask, classes, threeD);
        SDVariable feat = DualKdLosses.feature(sd, eu.bottleneck(), ft, bottleneck, threeD);
        sup.add(resp.mul(w)).add(feat.mul(p.getDouble("lambda_feature"))).rename("loss");
    }

    /**
     * Trains one client for {@code localSteps} steps, continuing {@code schedule} at {@code startStep} of
     * {@code totalSteps}, with a fresh optimiser. An epoch is a pass over the client's unlabelled volumes (all
     * volumes when none is unlabelled).
     */
    Result train(SegmentationData data, Params p, Recipe recipe, LearningRateSchedule schedule, int startStep,
                      int localSteps, int totalSteps, SplittableRandom rng, int client) {
        Fitter fitter = new Fitter(student.sd(), "loss", recipe, student.deployedVariables(), schedule, startStep);
        int nl = p.getInt("labelled_batch_size");
        List<Integer> pool = data.unlabelledIndices().isEmpty()
                ? java.util.stream.IntStream.range(0, data.size()).boxed().toList() : data.unlabelledIndices();
        BatchOrder order = new BatchOrder(pool.size(), recipe.batchSize(), rng.nextLong());
        double sum = 0;
        for (int s = 0; s < localSteps; s++) {
            int[] idx = order.next();
            for (int i = 0; i < idx.length; i++) {
                idx[i] = pool.get(idx[i]);
            }
            SegmentationData.Labelled l = data.labelledBatch(nl, rng, null);
            Map<String, INDArray> batch = new HashMap<>();
            batch.put("xl", l.x());
            batch.put("yl", l.oneHot());
            if (loss == FederatedMethod.LocalLoss.DUAL_KD) {
                // the code resets its iteration counter at every local training call
                distillationInputs(batch, data, idx, p, rng, s, localSteps);
            } else if (loss == FederatedMethod.LocalLoss.MEAN_TEACHER) {
                double ramp = Rampup.sigmoid(startStep + s, p.getDouble("rampup") * totalSteps);
                consistencyInputs(batch, data, idx, p.getDouble("consistency") * ramp);
            }
            sum += fitter.step(batch);
            if (loss == FederatedMethod.LocalLoss.MEAN_TEACHER) {
                teacherEma.update(p.getDouble("ema_decay"));
            }
            boolean passEnds = (s + 1) % Math.max(1, pool.size() / Math.min(pool.size(), recipe.batchSize())) == 0;
            if (passEnds) {
                passes[client]++;
                if (loss == FederatedMethod.LocalLoss.DUAL_KD && passes[client] > p.getInt("teacher_warmup_epochs")) {
                    // update_ema_variables_less_freq: a = min(progress, 0.99), T = (1 - a) T + a S
                    double a = Math.min((double) s / localSteps, 0.99);
                    teacherEma.update(1 - a);
                }
            }
        }
        return new Result(sum, localSteps);
    }

    /**
     * Mean teacher on unlabelled volumes (UA-MT's form, without its uncertainty mask): the student sees the clean
     * volumes, the teacher noisy copies (the same clipped Gaussian noise as the dual-KD teacher's).
     */
    void consistencyInputs(Map<String, INDArray> batch, SegmentationData data, int[] idx, double weight) {
        List<Image> clean = new ArrayList<>();
        List<Image> noisy = new ArrayList<>();
        for (int i : idx) {
            clean.add(data.image(i));
            noisy.add(Augmenter.clippedNoise(data.image(i), 0.1, 0.2, noise));
        }
        INDArray logits = teacher.run(SegmentationTensors.input(noisy, threeD), List.of(StudentGraph.LOGITS))
                .get(StudentGraph.LOGITS);
        batch.put("xu", SegmentationTensors.input(clean, threeD));
        batch.put("pt", SegmentationTensors.tensor(SegmentationTensors.probabilities(logits)));
        batch.put("w_cons", Nd4j.scalar((float) weight));
    }

    /** Teacher passes on noisy unlabelled inputs: targets, features and the entropy mask. */
    void distillationInputs(Map<String, INDArray> batch, SegmentationData data, int[] idx, Params p,
                            SplittableRandom rng, int iteration, int localSteps) {
        List<Image> clean = new ArrayList<>();
        for (int i : idx) {
            clean.add(data.image(i));
        }
        int passes = p.getInt("mc_passes");
        // every pass's noisy copies in one teacher batch (pass-major, noise drawn in the same order as pass by
        // pass): one forward of passes x n volumes instead of passes forwards of n; the network is per-sample
        List<Image> noisy = new ArrayList<>();
        for (int j = 0; j < passes; j++) {
            clean.forEach(im -> noisy.add(Augmenter.clippedNoise(im, 0.1, 0.2, rng)));
        }
        Map<String, INDArray> out = teacher.run(SegmentationTensors.input(noisy, threeD),
                List.of(StudentGraph.LOGITS, StudentGraph.feature(0)));
        float[][][] all = SegmentationTensors.probabilities(out.get(StudentGraph.LOGITS));
        int n = clean.size();
        List<float[][][]> probs = new ArrayList<>();
        for (int j = 0; j < passes; j++) {
            probs.add(Arrays.copyOfRange(all, j * n, (j + 1) * n));
        }
        batch.put("ft", out.get(StudentGraph.feature(0)).get(NDArrayIndex.interval(0, n)).dup());
        double threshold = (0.75 + 0.25 * Rampup.sigmoid(iteration, p.getInt("threshold_rampup_iterations")))
                * Math.log(2);
        batch.put("xu", SegmentationTensors.input(clean, threeD));
        batch.put("pt", SegmentationTensors.tensor(probs.get(0)));
        batch.put("mask", PseudoLabels.entropyMask(PseudoLabels.mean(probs), threshold));
        batch.put("w_resp", Nd4j.scalar((float) (p.getDouble("alpha") * Rampup.sigmoid(iteration, localSteps))));
    }
}
