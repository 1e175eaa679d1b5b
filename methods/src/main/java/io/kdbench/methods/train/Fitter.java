package io.kdbench.methods.train;

import io.kdbench.api.TrainingLog;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.api.OutAndGrad;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training loop shared by every SameDiff model: a {@link Recipe}'s budget of steps, each one batch, gradients
 * from SameDiff and the update by {@link AdamW} at the scheduled learning rate; the mean training loss of every
 * {@code validate_every} steps goes to the {@link TrainingLog} (which fails the cell on NaN or infinity), and a
 * {@link ModelSelection}, if given, scores the model on the validation split at the same points and keeps the best.
 *
 * <p>The loop is written out rather than using {@code SameDiff.fit}: in M2.1 fit never evaluates the loss itself
 * (listeners get 0 and History is null), and methods such as mean teachers need a hook after each step.
 */
public final class Fitter {
    private final SameDiff sd;
    private final String loss;
    private final Recipe recipe;
    private final LearningRateSchedule schedule;
    private final List<String> trainable;
    private final List<INDArray> parameters = new ArrayList<>();
    private final AdamW adam;
    private final StepArrays arrays = new StepArrays();
    private int step;

    /** Trains every variable of the graph (all of type VARIABLE) to minimise {@code loss}. */
    public Fitter(SameDiff sd, String loss, Recipe recipe) {
        this(sd, loss, recipe, sd.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .map(SDVariable::name).toList());
    }

    /** Trains only the named variables (others stay fixed, e.g. a frozen teacher in the same graph). */
    public Fitter(SameDiff sd, String loss, Recipe recipe, List<String> trainable) {
        this(sd, loss, recipe, trainable, recipe.schedule(), 0);
    }

    /**
     * A loop that starts at step {@code startStep} of a longer {@code schedule} (a federated client's local training
     * in round r continues the schedule of all rounds), with fresh optimiser state.
     */
    public Fitter(SameDiff sd, String loss, Recipe recipe, List<String> trainable, LearningRateSchedule schedule,
                  int startStep) {
        this.sd = sd;
        this.loss = loss;
        this.recipe = recipe;
        this.schedule = schedule;
        this.trainable = List.copyOf(trainable);
        this.step = startStep;
        sd.setLossVariables(loss);
        QuietStdout.run(sd::createGradFunction);
        for (String name : this.trainable) {
            parameters.add(sd.getVariable(name).getArr());
        }
        this.adam = new AdamW(parameters);
    }

    /** One optimisation step on one batch; returns the batch's loss (before the step). */
    public double step(Map<String, INDArray> batch) {
        SameDiff gradients = sd.getFunction("grad");
        OutAndGrad result = arrays.during(gradients,
                () -> sd.calculateGradientsAndOutputs(batch, List.of(loss), trainable));
        double value = result.getOutputs().get(loss).getDouble(0);
        Map<String, INDArray> grads = result.getGradients();
        List<INDArray> ordered = new ArrayList<>(trainable.size());
        for (String name : trainable) {
            ordered.add(grads.get(name)); // null for a variable the loss does not reach: left alone
        }
        adam.step(parameters, ordered, schedule.at(step), recipe.weightDecay(), recipe.clipNorm());
        arrays.recycle(); // the loss and gradients are read: the step's arrays serve the next step
        step++;
        OffHeapMemory.bound();
        return value;
    }

    /** Steps taken on the schedule so far (including the start offset). */
    public int steps() {
        return step;
    }

    /**
     * Runs the recipe's budget of steps over {@code sampleCount} samples in batches drawn from {@code batchSeed};
     * records the curve {@code curve}; {@code afterStep} (e.g. an EMA update) and {@code selection} may be null.
     * With a selection the best weights on the validation split are in the graph when this returns.
     */
    public void fit(int sampleCount, BatchMaker batches, long batchSeed, TrainingLog log, String curve,
                    Runnable afterStep, ModelSelection selection) {
        BatchOrder order = new BatchOrder(sampleCount, recipe.batchSize(), batchSeed);
        int total = recipe.steps();
        int every = selection == null ? recipe.validateEvery() : selection.every();
        double sum = 0;
        int inInterval = 0;
        int point = 0;
        for (int s = 1; s <= total; s++) {
            sum += step(batches.make(order.next()));
            inInterval++;
            if (afterStep != null) {
                afterStep.run();
            }
            if (s % every == 0 || s == total) {
                log.record(curve, point++, sum / inInterval);
                sum = 0;
                inInterval = 0;
                if (selection != null) {
                    selection.evaluate(s);
                }
            }
        }
        if (selection != null) {
            selection.finish(total, log);
        }
    }
}
