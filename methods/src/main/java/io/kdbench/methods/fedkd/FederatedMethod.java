package io.kdbench.methods.fedkd;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Seeds;
import io.kdbench.api.Support;
import io.kdbench.api.Task;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Resampling;
import io.kdbench.data.Sample;
import io.kdbench.methods.augment.Augmenter;
import io.kdbench.methods.nn.Ema;
import io.kdbench.methods.nn.SegmentationLosses;
import io.kdbench.methods.nn.UNet;
import io.kdbench.methods.train.BatchOrder;
import io.kdbench.methods.train.FederatedAveraging;
import io.kdbench.methods.train.Fitter;
import io.kdbench.methods.train.LearningRateSchedule;
import io.kdbench.methods.train.ModelSelection;
import io.kdbench.methods.train.PseudoLabels;
import io.kdbench.methods.train.Rampup;
import io.kdbench.methods.train.Recipe;
import io.kdbench.methods.train.SegmentationData;
import io.kdbench.methods.train.SegmentationModel;
import io.kdbench.methods.train.SegmentationTensors;
import io.kdbench.methods.train.StudentGraph;
import io.kdbench.methods.train.Weights;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The federated knee rows, simulated in one process: a teacher pre-trained on the repository (resampled to the
 * clients' grid), then {@code rounds} rounds in which every client, in the fixed order of client names, starts
 * from the global student, trains its share of the budget with a fresh AdamW (the learning-rate schedule runs over
 * all rounds), and (when aggregating) sends its student back for FedAvg weighted by local sample counts. Rows differ
 * in the local loss (dual KD or supervised only), in aggregation, and in whether the data are pooled on one site.
 *
 * <p>{@code steps} is each model's budget, so rows are compared at equal numbers of optimisation steps per model:
 * every client (and the pooled site of the centralised row) takes steps / rounds steps per round, as a single-site
 * row such as seg-supervised takes steps in all. After every round the deployed model is scored on the validation
 * split and the best round's weights are kept.
 */
public abstract class FederatedMethod implements DistillationMethod {
    static final String MODALITY = "image";

    /** What a client optimises on its data. */
    enum LocalLoss {
        /** Dice + CE on the labelled volumes only. */
        SUPERVISED,
        /** Supervised + uncertainty-masked response KD + bottleneck feature KD from the client's teacher. */
        DUAL_KD,
        /** Supervised + softmax-MSE consistency with the client's per-step EMA teacher on unlabelled volumes. */
        MEAN_TEACHER
    }

    /** The federated rows: the local loss, and whether the clients' students are averaged or pooled on one site. */
    protected enum Row {
        DUAL_KD(LocalLoss.DUAL_KD, true, false),
        FEDAVG(LocalLoss.SUPERVISED, true, false),
        MEAN_TEACHER(LocalLoss.MEAN_TEACHER, true, false),
        LOCAL_ONLY(LocalLoss.SUPERVISED, false, false),
        CENTRALISED(LocalLoss.DUAL_KD, false, true);

        final LocalLoss loss;
        final boolean aggregate;
        final boolean pooled;

        Row(LocalLoss loss, boolean aggregate, boolean pooled) {
            this.loss = loss;
            this.aggregate = aggregate;
            this.pooled = pooled;
        }
    }

    protected abstract Row row();

    @Override
    public ParamSpec parameters() {
        // batch_size: unlabelled volumes per step; teacher_*: pre-training on the repository
        ParamSpec p = Recipe.parameters(240, 2, 0.002)
                .and(Recipe.parameters("teacher_", 120, 2, 0.002))
                .and(Param.of("rounds", 3, "federated rounds; every model takes steps / rounds steps per round"
                        + " (assumed: few rounds)").atLeast(1))
                .and(StudentGraph.parameters(2));
        if (row().loss == LocalLoss.MEAN_TEACHER) {
            return p.and(
                    Param.of("ema_decay", 0.99, "client teacher = decay x teacher + (1 - decay) x student per step"
                            + " (mean teacher's)").fraction(),
                    Param.of("consistency", 1.0, "weight of the softmax-MSE consistency (assumed)").nonNegative(),
                    Param.of("rampup", 0.4, "fraction of all steps of the sigmoid ramp-up of the consistency weight"
                            + " (assumed)").fraction());
        }
        if (row().loss != LocalLoss.DUAL_KD) {
            return p;
        }
        return p.and(
                Param.of("alpha", 0.1, "response-KD weight (the code's 0.1); 0: the paper's feature-only ablation")
                        .nonNegative(),
                Param.of("lambda_feature", 1.0, "bottleneck feature-KD weight (the code's 1); 0: the paper's"
                        + " response-only ablation").nonNegative(),
                Param.of("mc_passes", 4, "noisy teacher passes for the uncertainty mask (assumed; the code uses 8)")
                        .atLeast(1),
                Param.of("teacher_warmup_epochs", 6, "client epochs before its teacher follows the student by EMA"
                        + " (the code's 6)").atLeast(0),
                Param.of("threshold_rampup_iterations", 12150, "iterations over which the mask's entropy threshold"
                        + " ramps from 0.75 to 1 x ln 2 (the code's 12150)").atLeast(1));
    }

    @Override
    public void validate(Params p) {
        if (p.getInt("steps") < p.getInt("rounds")) {
            throw new IllegalArgumentException("steps must be >= rounds (" + p.getInt("rounds") + "), got "
                    + p.getInt("steps"));
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
        List<ClientData> clients = row().pooled
                ? List.of(ClientData.of("pooled", ctx.splits().train(), MODALITY, classes, threeD))
                : ClientData.byClient(ctx.splits().train(), MODALITY, classes, threeD);
        Image grid = clients.get(0).data().example();
        SegmentationData repository = new SegmentationData(onGrid(ctx.splits().external(), grid), MODALITY, classes, threeD);
        UNet.Config cfg = StudentGraph.config(p, repository);
        clients.forEach(c -> c.data().requireDivisible(cfg.divisor()));

        // the same teacher for every federated row of this draw: trained once in this process (RepositoryTeachers)
        Map<String, INDArray> pretrained = RepositoryTeachers.pretrained(ctx, grid, cfg, Recipe.from(p, "teacher_"),
                c -> pretrain(cfg, repository, p, c));
        Local local = new Local(cfg, clients.get(0).data(), p, row().loss, clients.size(), ctx.seed());
        Weights.load(local.student.sd(), pretrained);
        Recipe recipe = Recipe.from(p);
        int rounds = p.getInt("rounds");
        // every model, each client's or the pooled site's, takes steps / rounds steps per round
        int localSteps = Math.max(1, recipe.steps() / rounds);
        LearningRateSchedule schedule = recipe.withSteps(rounds * localSteps).schedule();
        // "Scenario one" of the code: student and every client's teacher start from the pre-trained model
        Map<String, INDArray> global = pretrained;
        List<Map<String, INDArray>> teachers = new ArrayList<>();
        List<Map<String, INDArray>> students = new ArrayList<>();
        for (int k = 0; k < clients.size(); k++) {
            teachers.add(pretrained);
            students.add(pretrained);
        }
        SplittableRandom rng = new SplittableRandom(Seeds.stream("batches", ctx.seed()));
        List<Long> bytesPerRound = new ArrayList<>();
        Map<String, Double> lastLoss = new LinkedHashMap<>();
        Map<String, INDArray>[] deployed = new Map[] {global};
        List<Map<String, INDArray>> deployedStudents = new ArrayList<>(students);
        ModelSelection selection = new ModelSelection("student", ctx.validation(),
                () -> model(local, clients, deployed[0], deployedStudents, pretrained, p).predict(ctx.validation().samples()),
                () -> {
                    Map<String, INDArray> g = deployed[0];
                    List<Map<String, INDArray>> s = List.copyOf(deployedStudents);
                    return () -> {
                        deployed[0] = g;
                        deployedStudents.clear();
                        deployedStudents.addAll(s);
                    };
                }, 1);
        int totalSteps = 0;
        for (int round = 0; round < rounds; round++) {
            double sum = 0;
            int steps = 0;
            long bytes = 0;
            for (int k = 0; k < clients.size(); k++) {
                ClientData client = clients.get(k);
                Weights.load(local.student.sd(), row().aggregate ? global : students.get(k));
                Weights.load(local.teacher.sd(), teachers.get(k));
                LocalResult result = local.train(client.data(), p, recipe, schedule, round * localSteps, localSteps,
                        rounds * localSteps, rng, k);
                sum += result.lossSum();
                steps += result.steps();
                lastLoss.put(client.name(), result.lossSum() / result.steps());
                students.set(k, Weights.snapshot(local.student.sd(), local.student.deployedVariables()));
                teachers.set(k, Weights.snapshot(local.teacher.sd(), local.teacher.deployedVariables()));
                if (row().aggregate) {
                    bytes += 2 * Weights.bytes(students.get(k)); // global model down, local model up
                }
            }
            if (row().aggregate) {
                long[] counts = clients.stream().mapToLong(ClientData::samples).toArray();
                global = FederatedAveraging.average(students, counts);
            }
            bytesPerRound.add(bytes);
            totalSteps += steps;
            ctx.log().record("loss", round, sum / steps);
            deployed[0] = global;
            deployedStudents.clear();
            deployedStudents.addAll(students);
            selection.evaluate(round + 1);
        }
        selection.finish(rounds, ctx.log());
        SegmentationModel model = model(local, clients, deployed[0], deployedStudents, pretrained, p);
        ctx.log().put("optimisation_steps", totalSteps);
        ctx.log().put("local_steps_per_round", localSteps);
        ctx.log().put("bytes_per_round", bytesPerRound);
        ctx.log().put("bytes_total", bytesPerRound.stream().mapToLong(Long::longValue).sum());
        Map<String, Integer> counts = new LinkedHashMap<>();
        clients.forEach(c -> counts.put(c.name(), c.samples()));
        ctx.log().put("client_train_samples", counts);
        ctx.log().put("client_last_round_loss", lastLoss);
        return model;
    }

    /**
     * The deployed model: the global student when aggregating (or pooled), else each client's own student for its
     * test cases (a case from a site that never trained falls back to the repository model). Weights are loaded
     * into the local student graph, which the model then runs.
     */
    private SegmentationModel model(Local local, List<ClientData> clients, Map<String, INDArray> global,
                                    List<Map<String, INDArray>> students, Map<String, INDArray> pretrained, Params p) {
        boolean threeD = local.threeD;
        long params = Weights.parameterCount(pretrained);
        int batch = p.getInt("batch_size");
        StudentGraph g = local.inference;
        if (row().aggregate || row().pooled) {
            Weights.load(g.sd(), row().pooled ? students.get(0) : global);
            return new SegmentationModel(g.sd(), StudentGraph.INPUT, StudentGraph.LOGITS, MODALITY, threeD, batch, params);
        }
        Map<String, Map<String, INDArray>> perClient = new HashMap<>();
        for (int k = 0; k < clients.size(); k++) {
            perClient.put(clients.get(k).name(), students.get(k));
        }
        return new SegmentationModel(g.sd(), StudentGraph.INPUT, StudentGraph.LOGITS, MODALITY, threeD, batch, params,
                perClient, pretrained);
    }

    /** Repository volumes on the clients' grid (the "ST-reso" variant of the code's OAI pre-training). */
    static List<Sample> onGrid(List<Sample> repository, Image grid) {
        if (repository.isEmpty()) {
            throw new IllegalArgumentException("the dataset has no external repository to pre-train the teacher on");
        }
        List<Sample> out = new ArrayList<>();
        for (Sample s : repository) {
            Image im = Resampling.linearByCorners(s.image(MODALITY), grid.depth(), grid.height(), grid.width());
            LabelMap m = Resampling.nearest(s.mask(), grid.depth(), grid.height(), grid.width());
            out.add(Sample.of(s.id(), Map.of(MODALITY, im)).withMask(m));
        }
        return out;
    }

    /**
     * Supervised Dice + CE pre-training of the teacher on the repository (its own recipe, teacher_*); its checkpoint
     * is chosen on the clients' validation split, whose Dice is recorded as the repository teacher's score. Returns
     * its weights.
     */
    static Map<String, INDArray> pretrain(UNet.Config cfg, SegmentationData repo, Params p, TrainContext ctx) {
        StudentGraph g = new StudentGraph(cfg, Seeds.stream("teacher", ctx.seed()));
        SameDiff sd = g.sd();
        SDVariable xl = g.placeholder("xl", cfg.inChannels());
        SDVariable yl = sd.placeHolder("yl", DataType.FLOAT, -1, repo.voxels(), cfg.classes());
        UNet s = g.student();
        SegmentationLosses.diceCe(sd, s.decode(g.mainDecoder(), s.encode(xl), null).logits(), yl, repo.voxels(),
                cfg.classes(), cfg.threeD()).rename("loss");
        Recipe recipe = Recipe.from(p, "teacher_");
        StudentGraph inference = g.teacherCopy();
        SegmentationModel model = inference.model(MODALITY, recipe.batchSize());
        ModelSelection selection = g.selection("teacher", ctx.validation(), inference, model, recipe.validateEvery());
        SplittableRandom rng = new SplittableRandom(Seeds.stream("teacher-augment", ctx.seed()));
        new Fitter(sd, "loss", recipe, g.deployedVariables()).fit(repo.size(), idx -> {
            SegmentationData.Labelled l = repo.labelledBatch(idx.length, rng, Augmenter.standard());
            return Map.of("xl", l.x(), "yl", l.oneHot());
        }, Seeds.stream("teacher-batches", ctx.seed()), ctx.log(), "teacher_pretraining", null, selection);
        if (!ctx.validation().isEmpty()) {
            ctx.log().teacher("repository teacher", ctx.validation().metric(), selection.bestScore());
        }
        return Weights.snapshot(sd, g.deployedVariables());
    }

    /** A client's share of one round: the sum of its step losses and the number of steps. */
    record LocalResult(double lossSum, int steps) {
    }

    /**
     * A client's local training: the student graph with the row's loss and a teacher graph, reused by every
     * client (weights are loaded in and out).
     */
    static final class Local {
        final StudentGraph student;
        final StudentGraph teacher;
        final StudentGraph inference;
        final LocalLoss loss;
        final int voxels;
        final int classes;
        final boolean threeD;
        /** Passes over each client's unlabelled volumes so far, across rounds (the dual-KD teacher's warm-up). */
        private final int[] passes;
        /** The mean teacher's input noise: its own stream, so the batches are FedAvg's (consistency 0 is FedAvg). */
        private final SplittableRandom noise;

        Local(UNet.Config cfg, SegmentationData example, Params p, LocalLoss loss, int clients, long seed) {
            this.student = new StudentGraph(cfg, seed);
            this.teacher = student.teacherCopy();
            this.inference = student.teacherCopy();
            this.loss = loss;
            this.passes = new int[clients];
            this.noise = new SplittableRandom(Seeds.stream("consistency-noise", seed));
            this.voxels = example.voxels();
            this.classes = cfg.classes();
            this.threeD = cfg.threeD();
            SameDiff sd = student.sd();
            UNet s = student.student();
            SDVariable xl = student.placeholder("xl", cfg.inChannels());
            SDVariable yl = sd.placeHolder("yl", DataType.FLOAT, -1, voxels, classes);
            SDVariable sup = SegmentationLosses.diceCe(sd, s.decode(0, s.encode(xl), null).logits(), yl, voxels, classes,
                    threeD);
            if (loss == LocalLoss.SUPERVISED) {
                sup.rename("loss");
                return;
            }
            if (loss == LocalLoss.MEAN_TEACHER) {
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
        LocalResult train(SegmentationData data, Params p, Recipe recipe, LearningRateSchedule schedule, int startStep,
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
                if (loss == LocalLoss.DUAL_KD) {
                    // the code resets its iteration counter at every local training call
                    distillationInputs(batch, data, idx, p, rng, s, localSteps);
                } else if (loss == LocalLoss.MEAN_TEACHER) {
                    double ramp = Rampup.sigmoid(startStep + s, p.getDouble("rampup") * totalSteps);
                    consistencyInputs(batch, data, idx, p.getDouble("consistency") * ramp);
                }
                sum += fitter.step(batch);
                if (loss == LocalLoss.MEAN_TEACHER) {
                    new Ema(student.sd(), teacher.sd(), student.samePairs(), p.getDouble("ema_decay")).update();
                }
                boolean passEnds = (s + 1) % Math.max(1, pool.size() / Math.min(pool.size(), recipe.batchSize())) == 0;
                if (passEnds) {
                    passes[client]++;
                    if (loss == LocalLoss.DUAL_KD && passes[client] > p.getInt("teacher_warmup_epochs")) {
                        // update_ema_variables_less_freq: a = min(progress, 0.99), T = (1 - a) T + a S
                        double a = Math.min((double) s / localSteps, 0.99);
                        new Ema(student.sd(), teacher.sd(), student.samePairs(), 1 - a).update();
                    }
                }
            }
            return new LocalResult(sum, localSteps);
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
}
