package io.kdbench.methods.fedkd;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Params;
import io.kdbench.api.Support;
import io.kdbench.api.Task;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.methods.augment.Augmenter;
import io.kdbench.methods.augment.Resampling;
import io.kdbench.methods.nn.Ema;
import io.kdbench.methods.nn.SegmentationLosses;
import io.kdbench.methods.nn.UNet;
import io.kdbench.methods.train.FedAvg;
import io.kdbench.methods.train.Fitter;
import io.kdbench.methods.train.Optimiser;
import io.kdbench.methods.train.PseudoLabels;
import io.kdbench.methods.train.Rampup;
import io.kdbench.methods.train.SegmentationData;
import io.kdbench.methods.train.SegmentationModel;
import io.kdbench.methods.train.SegmentationTensors;
import io.kdbench.methods.train.StudentGraph;
import io.kdbench.methods.train.Weights;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The federated knee rows, simulated in one process: a teacher pre-trained on the repository (resampled to the
 * clients' grid), then {@code rounds} rounds in which every client, in the fixed order of client names, starts
 * from the global student, trains {@code local_epochs} epochs with a fresh Adam, and (when aggregating) sends its
 * student back for FedAvg weighted by local sample counts. Rows differ in the local loss (dual KD or supervised
 * only), in aggregation, and in whether the data are pooled on one site.
 */
public abstract class FederatedMethod implements DistillationMethod {
    static final String MODALITY = "image";

    /** What distinguishes a row. */
    protected record Variant(boolean distil, boolean aggregate, boolean pooled) {
    }

    protected abstract Variant variant();

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rounds", 3);
        d.put("local_epochs", 3);
        d.put("epochs", 8); // teacher pre-training epochs on the repository
        d.put("batch_size", 2); // unlabelled volumes per step (and repository volumes per pre-training step)
        d.put("labelled_batch_size", 2);
        d.put("lr", 0.002);
        d.put("weight_decay", 0.0);
        d.put("width", 8);
        d.put("levels", 3);
        if (variant().distil()) {
            d.put("alpha", 0.1);
            d.put("mc_passes", 4);
            d.put("teacher_warmup_epochs", 6);
            d.put("threshold_rampup_iterations", 12150);
        }
        return d;
    }

    @Override
    public void validate(Params p) {
        Optimiser.from(p);
        if (p.getInt("rounds") < 1 || p.getInt("local_epochs") < 1 || p.getInt("labelled_batch_size") < 1) {
            throw new IllegalArgumentException("need rounds >= 1, local_epochs >= 1, labelled_batch_size >= 1");
        }
        if (variant().distil() && p.getInt("mc_passes") < 1) {
            throw new IllegalArgumentException("mc_passes must be >= 1");
        }
    }

    @Override
    public Support supports(DatasetInfo dataset) {
        if (!dataset.federated()) {
            return Support.no("needs a federated dataset (clients and an external repository)");
        }
        if (!dataset.task().isSegmentation()) {
            return Support.no("a segmentation network; the dataset's task is " + dataset.task());
        }
        return Support.yes();
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        Params p = ctx.params();
        boolean threeD = ctx.dataset().task() == Task.SEGMENTATION_3D;
        int classes = ctx.dataset().numClasses();
        List<ClientData> clients = variant().pooled()
                ? List.of(ClientData.of("pooled", ctx.splits().train(), MODALITY, classes, threeD))
                : ClientData.byClient(ctx.splits().train(), MODALITY, classes, threeD);
        Image grid = clients.get(0).data().example();
        SegmentationData repository = new SegmentationData(onGrid(ctx.splits().external(), grid), MODALITY, classes, threeD);
        UNet.Config cfg = StudentGraph.config(p, repository);
        clients.forEach(c -> c.data().requireDivisible(cfg.divisor()));

        Map<String, INDArray> pretrained = pretrain(cfg, repository, p, ctx);
        Local local = new Local(cfg, clients.get(0).data(), p, variant().distil(), ctx.seed());
        Weights.load(local.student.sd(), pretrained);
        // "Scenario one" of the code: student and every client's teacher start from the pre-trained model
        Map<String, INDArray> global = pretrained;
        List<Map<String, INDArray>> teachers = new ArrayList<>();
        List<Map<String, INDArray>> students = new ArrayList<>();
        for (int k = 0; k < clients.size(); k++) {
            teachers.add(pretrained);
            students.add(pretrained);
        }
        int[] epochCounter = new int[clients.size()];
        SplittableRandom rng = new SplittableRandom(ctx.seed() * 1_000_003L + 17);
        List<Long> bytesPerRound = new ArrayList<>();
        Map<String, Double> lastLoss = new LinkedHashMap<>();
        for (int round = 0; round < p.getInt("rounds"); round++) {
            double sum = 0;
            int steps = 0;
            long bytes = 0;
            for (int k = 0; k < clients.size(); k++) {
                ClientData client = clients.get(k);
                Weights.load(local.student.sd(), variant().aggregate() ? global : students.get(k));
                Weights.load(local.teacher.sd(), teachers.get(k));
                double[] result = local.train(client.data(), p, rng, epochCounter, k);
                sum += result[0];
                steps += (int) result[1];
                lastLoss.put(client.name(), result[0] / result[1]);
                students.set(k, Weights.snapshot(local.student.sd(), local.student.deployedVariables()));
                teachers.set(k, Weights.snapshot(local.teacher.sd(), local.teacher.deployedVariables()));
                if (variant().aggregate() && !variant().pooled()) {
                    bytes += 2 * Weights.bytes(students.get(k)); // global model down, local model up
                }
            }
            if (variant().aggregate()) {
                long[] counts = clients.stream().mapToLong(ClientData::samples).toArray();
                global = FedAvg.average(students, counts);
            }
            bytesPerRound.add(bytes);
            ctx.log().record("loss", round, sum / steps);
        }

        SegmentationModel model;
        long params = Weights.parameterCount(pretrained);
        int batch = p.getInt("batch_size");
        if (variant().aggregate()) {
            Weights.load(local.student.sd(), global);
            model = new SegmentationModel(local.student.sd(), StudentGraph.INPUT, StudentGraph.LOGITS, MODALITY, threeD,
                    batch, params);
        } else {
            Map<String, Map<String, INDArray>> perClient = new HashMap<>();
            for (int k = 0; k < clients.size(); k++) {
                perClient.put(clients.get(k).name(), students.get(k));
            }
            // a test case from a site that never trained falls back to the repository model
            model = new SegmentationModel(local.student.sd(), StudentGraph.INPUT, StudentGraph.LOGITS, MODALITY, threeD,
                    batch, params, variant().pooled() ? Map.of() : perClient, pretrained);
            if (variant().pooled()) {
                Weights.load(local.student.sd(), students.get(0));
            }
        }
        ctx.log().put("bytes_per_round", bytesPerRound);
        ctx.log().put("bytes_total", bytesPerRound.stream().mapToLong(Long::longValue).sum());
        Map<String, Integer> counts = new LinkedHashMap<>();
        clients.forEach(c -> counts.put(c.name(), c.samples()));
        ctx.log().put("client_train_samples", counts);
        ctx.log().put("client_last_round_loss", lastLoss);
        ctx.log().put("client_validation_dice", validationDice(model, ctx.splits().validation(), classes));
        return model;
    }

    /** Repository volumes on the clients' grid (the "ST-reso" variant of the code's OAI pre-training). */
    static List<Sample> onGrid(List<Sample> repository, Image grid) {
        if (repository.isEmpty()) {
            throw new IllegalArgumentException("the dataset has no external repository to pre-train the teacher on");
        }
        List<Sample> out = new ArrayList<>();
        for (Sample s : repository) {
            Image im = Resampling.linear(s.image(MODALITY), grid.depth(), grid.height(), grid.width());
            LabelMap m = Resampling.nearest(s.mask(), grid.depth(), grid.height(), grid.width());
            out.add(new Sample(s.id(), Map.of(MODALITY, im), -1, null, m, null, null, null, true));
        }
        return out;
    }

    /** Supervised Dice + CE pre-training of the teacher on the repository; returns its weights. */
    static Map<String, INDArray> pretrain(UNet.Config cfg, SegmentationData repo, Params p, TrainContext ctx) {
        StudentGraph g = new StudentGraph(cfg, ctx.seed());
        SameDiff sd = g.sd();
        SDVariable xl = g.placeholder("xl", cfg.inChannels());
        SDVariable yl = sd.placeHolder("yl", DataType.FLOAT, -1, repo.voxels(), cfg.classes());
        UNet s = g.student();
        SegmentationLosses.diceCe(sd, s.decode(g.mainDecoder(), s.encode(xl), null).logits(), yl, repo.voxels(),
                cfg.classes(), cfg.threeD()).rename("loss");
        Optimiser opt = Optimiser.from(p);
        SplittableRandom rng = new SplittableRandom(ctx.seed() * 7919 + 3);
        new Fitter(sd, "loss", opt, g.deployedVariables()).fit(repo.size(), idx -> {
            SegmentationData.Labelled l = repo.labelledBatch(idx.length, rng, Augmenter.standard());
            return Map.of("xl", l.x(), "yl", l.oneHot());
        }, ctx.seed(), ctx.log(), "teacher_pretraining", null);
        return Weights.snapshot(sd, g.deployedVariables());
    }

    /** Mean foreground Dice per client on the validation split (methods may read validation labels). */
    static Map<String, Double> validationDice(SegmentationModel model, List<Sample> validation, int classes) {
        Map<String, List<Double>> per = new java.util.TreeMap<>();
        List<Prediction> preds = model.predict(validation);
        for (int i = 0; i < validation.size(); i++) {
            Sample s = validation.get(i);
            if (s.mask() == null) {
                continue;
            }
            double dice = meanForegroundDice(preds.get(i).segmentation(), s.mask(), classes);
            if (!Double.isNaN(dice)) {
                per.computeIfAbsent(String.valueOf(s.client()), c -> new ArrayList<>()).add(dice);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        per.forEach((c, v) -> out.put(c, v.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
        return out;
    }

    static double meanForegroundDice(LabelMap pred, LabelMap truth, int classes) {
        double sum = 0;
        int n = 0;
        for (int c = 1; c < classes; c++) {
            long inter = 0, a = 0, b = 0;
            for (int i = 0; i < truth.size(); i++) {
                boolean x = pred.label(i) == c, y = truth.label(i) == c;
                a += x ? 1 : 0;
                b += y ? 1 : 0;
                inter += x && y ? 1 : 0;
            }
            if (a + b > 0) {
                sum += 2.0 * inter / (a + b);
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /**
     * A client's local training: the student graph with the row's loss and a teacher graph, reused by every
     * client (weights are loaded in and out).
     */
    static final class Local {
        final StudentGraph student;
        final StudentGraph teacher;
        final boolean distil;
        final int voxels;
        final int classes;
        final boolean threeD;

        Local(UNet.Config cfg, SegmentationData example, Params p, boolean distil, long seed) {
            this.student = new StudentGraph(cfg, seed);
            this.teacher = student.teacherCopy(seed);
            this.distil = distil;
            this.voxels = example.voxels();
            this.classes = cfg.classes();
            this.threeD = cfg.threeD();
            SameDiff sd = student.sd();
            UNet s = student.student();
            SDVariable xl = student.placeholder("xl", cfg.inChannels());
            SDVariable yl = sd.placeHolder("yl", DataType.FLOAT, -1, voxels, classes);
            SDVariable sup = SegmentationLosses.diceCe(sd, s.decode(0, s.encode(xl), null).logits(), yl, voxels, classes,
                    threeD);
            if (!distil) {
                sup.rename("loss");
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
            sup.add(resp.mul(w)).add(feat).rename("loss");
        }

        /** Trains one client for local_epochs; returns {sum of step losses, steps}. */
        double[] train(SegmentationData data, Params p, SplittableRandom rng, int[] epochCounter, int client) {
            Fitter fitter = new Fitter(student.sd(), "loss", Optimiser.from(p), student.deployedVariables());
            int epochs = p.getInt("local_epochs");
            int bs = p.getInt("batch_size");
            int nl = p.getInt("labelled_batch_size");
            List<Integer> pool = data.unlabelledIndices().isEmpty()
                    ? java.util.stream.IntStream.range(0, data.size()).boxed().toList() : data.unlabelledIndices();
            double sum = 0;
            int steps = 0;
            int iteration = 0; // the code resets its iteration counter at every local training call
            for (int e = 0; e < epochs; e++) {
                int[] order = pool.stream().mapToInt(Integer::intValue).toArray();
                shuffle(order, rng);
                for (int start = 0; start < order.length; start += bs) {
                    int[] idx = java.util.Arrays.copyOfRange(order, start, Math.min(order.length, start + bs));
                    SegmentationData.Labelled l = data.labelledBatch(nl, rng, null);
                    Map<String, INDArray> batch = new HashMap<>();
                    batch.put("xl", l.x());
                    batch.put("yl", l.oneHot());
                    if (distil) {
                        distillationInputs(batch, data, idx, p, rng, e, iteration);
                    }
                    sum += fitter.step(batch, e);
                    steps++;
                    iteration++;
                }
                epochCounter[client]++;
                if (distil && epochCounter[client] > p.getInt("teacher_warmup_epochs")) {
                    // update_ema_variables_less_freq: a = min(epoch / epochs, 0.99), T = (1 - a) T + a S
                    double a = Math.min((double) e / epochs, 0.99);
                    new Ema(student.sd(), teacher.sd(), student.samePairs(), 1 - a).update();
                }
            }
            return new double[] {sum, steps};
        }

        /** Teacher passes on noisy unlabelled inputs: targets, features and the entropy mask. */
        void distillationInputs(Map<String, INDArray> batch, SegmentationData data, int[] idx, Params p,
                                        SplittableRandom rng, int epoch, int iteration) {
            List<Image> clean = new ArrayList<>();
            for (int i : idx) {
                clean.add(data.image(i));
            }
            int passes = p.getInt("mc_passes");
            List<float[][][]> probs = new ArrayList<>();
            for (int j = 0; j < passes; j++) {
                List<Image> noisy = clean.stream().map(im -> Augmenter.clippedNoise(im, 0.1, 0.2, rng)).toList();
                Map<String, INDArray> out = teacher.run(SegmentationTensors.input(noisy, threeD),
                        List.of(StudentGraph.LOGITS, StudentGraph.feature(0)));
                probs.add(SegmentationTensors.probabilities(out.get(StudentGraph.LOGITS)));
                if (j == 0) {
                    batch.put("ft", out.get(StudentGraph.feature(0)));
                }
            }
            double threshold = (0.75 + 0.25 * Rampup.sigmoid(iteration, p.getInt("threshold_rampup_iterations")))
                    * Math.log(2);
            batch.put("xu", SegmentationTensors.input(clean, threeD));
            batch.put("pt", SegmentationTensors.tensor(probs.get(0)));
            batch.put("mask", PseudoLabels.entropyMask(PseudoLabels.mean(probs), threshold));
            batch.put("w_resp", Nd4j.scalar((float) (p.getDouble("alpha") * Rampup.sigmoid(epoch, p.getInt("local_epochs")))));
        }

        private static void shuffle(int[] a, SplittableRandom rng) {
            for (int i = a.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        }
    }
}
