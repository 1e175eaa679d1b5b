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
import io.kdbench.data.Sample;
import io.kdbench.methods.nn.UNet;
import io.kdbench.methods.train.FederatedAveraging;
import io.kdbench.methods.train.LearningRateSchedule;
import io.kdbench.methods.train.ModelSelection;
import io.kdbench.methods.train.Recipe;
import io.kdbench.methods.train.SegmentationData;
import io.kdbench.methods.train.SegmentationModel;
import io.kdbench.methods.train.StudentGraph;
import io.kdbench.methods.train.Weights;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
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
 *
 * <p>The pieces: {@link RepositoryPretraining} (the teacher on the repository), {@link ClientTrainer} (one
 * client's local steps with the row's loss), {@code FederatedAveraging} (the aggregation); this class runs the
 * rounds, keeps the best and deploys it.
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
        // the code's Dice with background + CE, unless the dataset's foreground is rare: then the harness's rule for every
        // segmentation row (background-free Dice, CE weighted by the pooled labelled masks' class shares, the one
        // statistic the clients share); with the code's loss every row lost the knee's patellar cartilage on seed 8
        boolean background = !ctx.dataset().rareForeground();
        List<Sample> train = ctx.splits().train();
        // the supervised rule reads the pooled labelled masks only: the client rows build it from the labelled volumes
        SegmentationData supervision = new SegmentationData(row().pooled ? train
                : train.stream().filter(Sample::labelled).toList(), MODALITY, classes, threeD, background);
        List<ClientData> clients = row().pooled
                ? List.of(new ClientData("pooled", supervision, train.size()))
                : ClientData.byClient(train, MODALITY, classes, threeD);
        Image grid = clients.get(0).data().example();
        SegmentationData repository = new SegmentationData(RepositoryPretraining.onGrid(ctx.splits().external(), grid),
                MODALITY, classes, threeD, background);
        UNet.Config cfg = StudentGraph.config(p, repository);
        clients.forEach(c -> c.data().requireDivisible(cfg.divisor()));

        // the same teacher for every federated row of this draw: trained once in this process (RepositoryTeachers)
        Map<String, INDArray> pretrained = RepositoryTeachers.pretrained(ctx, grid, cfg, Recipe.from(p, "teacher_"),
                c -> RepositoryPretraining.pretrain(cfg, repository, p, c));
        ClientTrainer local = new ClientTrainer(cfg, supervision, p, row().loss, clients.size(), ctx.seed());
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
                ClientTrainer.Result result = local.train(client.data(), p, recipe, schedule, round * localSteps, localSteps,
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
    private SegmentationModel model(ClientTrainer local, List<ClientData> clients, Map<String, INDArray> global,
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
}
