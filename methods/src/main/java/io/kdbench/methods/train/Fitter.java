package io.kdbench.methods.train;

import io.kdbench.api.TrainingLog;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The training loop shared by every SameDiff model: Adam with decoupled weight decay, mini-batches in an
 * order drawn from the seed, one mean loss per epoch recorded in the {@link TrainingLog} (which fails the
 * cell on NaN or infinity).
 *
 * <p>The loop is written out rather than using {@code SameDiff.fit}: in M2.1 fit never evaluates the loss
 * itself (listeners get 0 and History is null), and methods such as mean teachers need a hook after each step.
 */
public final class Fitter {
    private final SameDiff sd;
    private final String loss;
    private final Optimiser opt;
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();
    private final List<String> trainable;
    private int iteration;

    /** Trains every variable of the graph (all of type VARIABLE) to minimise {@code loss}. */
    public Fitter(SameDiff sd, String loss, Optimiser opt) {
        this(sd, loss, opt, sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList());
    }

    /** Trains only the named variables (others stay fixed, e.g. a frozen teacher in the same graph). */
    public Fitter(SameDiff sd, String loss, Optimiser opt, List<String> trainable) {
        this.sd = sd;
        this.loss = loss;
        this.opt = opt;
        this.trainable = List.copyOf(trainable);
        sd.setLossVariables(loss);
        Adam adam = new Adam(opt.learningRate());
        for (String name : this.trainable) {
            INDArray param = sd.getVariable(name).getArr();
            INDArray state = Nd4j.zeros(param.dataType(), 1, adam.stateSize(param.length()));
            updaters.put(name, adam.instantiate(state, true));
        }
    }

    /** One optimisation step on one batch; returns the batch's loss (before the step). */
    public double step(Map<String, INDArray> batch, int epoch) {
        OutAndGrad result = sd.calculateGradientsAndOutputs(batch, List.of(loss), trainable);
        double value = result.getOutputs().get(loss).getDouble(0);
        Map<String, INDArray> grads = result.getGradients();
        double decay = 1 - opt.learningRate() * opt.weightDecay();
        for (String name : trainable) {
            INDArray grad = grads.get(name);
            if (grad == null) {
                continue; // a variable the loss does not reach (e.g. an inference-only head) gets no update
            }
            updaters.get(name).applyUpdater(grad, iteration, epoch);
            INDArray param = sd.getVariable(name).getArr();
            if (opt.weightDecay() > 0) {
                param.muli(decay);
            }
            param.subi(grad);
        }
        iteration++;
        return value;
    }

    /** Runs {@code opt.epochs()} epochs over {@code sampleCount} samples; {@code afterStep} may be null. */
    public void fit(int sampleCount, BatchMaker batches, long seed, TrainingLog log, String curve, Runnable afterStep) {
        if (sampleCount == 0) {
            throw new IllegalArgumentException("no training samples for curve '" + curve + "'");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] order = new int[sampleCount];
        for (int i = 0; i < sampleCount; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < opt.epochs(); epoch++) {
            shuffle(order, random);
            double sum = 0;
            for (int start = 0; start < sampleCount; start += opt.batchSize()) {
                int[] idx = Arrays.copyOfRange(order, start, Math.min(sampleCount, start + opt.batchSize()));
                sum += step(batches.make(idx), epoch) * idx.length;
                if (afterStep != null) {
                    afterStep.run();
                }
            }
            log.record(curve, epoch, sum / sampleCount);
        }
    }

    /** Trains all variables of {@code sd} to minimise {@code loss}. */
    public static void fit(SameDiff sd, String loss, int sampleCount, BatchMaker batches, Optimiser opt, long seed,
                           TrainingLog log, String curve) {
        new Fitter(sd, loss, opt).fit(sampleCount, batches, seed, log, curve, null);
    }

    static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
