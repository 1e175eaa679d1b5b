package io.kdbench.methods.nn;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Map;

/**
 * Exponential moving average of weights (mean teacher): teacher = decay * teacher + (1 - decay) * student, for
 * each pair of variables named in {@code studentToTeacher}. SameDiff M2.1 has no built-in EMA.
 */
public final class Ema {
    private final SameDiff sd;
    private final SameDiff teacherSd;
    private final Map<String, String> studentToTeacher;
    private final double decay;

    public Ema(SameDiff sd, Map<String, String> studentToTeacher, double decay) {
        this(sd, sd, studentToTeacher, decay);
    }

    /**
     * A teacher in its own graph: SameDiff M2.1's output() on a large graph with a gradient function costs
     * hundreds of ms per call even for a tiny forward pass, so per-step teachers run from a separate graph.
     */
    public Ema(SameDiff sd, SameDiff teacherSd, Map<String, String> studentToTeacher, double decay) {
        this.sd = sd;
        this.teacherSd = teacherSd;
        this.studentToTeacher = Map.copyOf(studentToTeacher);
        this.decay = checked(decay);
    }

    /** A teacher in its own graph whose decay is given at every {@link #update(double)} (no default decay). */
    public Ema(SameDiff sd, SameDiff teacherSd, Map<String, String> studentToTeacher) {
        this.sd = sd;
        this.teacherSd = teacherSd;
        this.studentToTeacher = Map.copyOf(studentToTeacher);
        this.decay = Double.NaN;
    }

    private static double checked(double decay) {
        if (!(decay >= 0 && decay <= 1)) {
            throw new IllegalArgumentException("EMA decay must be in [0, 1], got " + decay);
        }
        return decay;
    }

    /** Copies the student's weights into the teacher (the usual start of a mean teacher). */
    public void copy() {
        studentToTeacher.forEach((s, t) -> teacherSd.getVariable(t).getArr().assign(sd.getVariable(s).getArr()));
    }

    /** One EMA step at the decay given at construction. */
    public void update() {
        if (Double.isNaN(decay)) {
            throw new IllegalStateException("this EMA has no default decay: call update(decay)");
        }
        update(decay);
    }

    /** One EMA step at {@code decay} (for teachers whose decay follows a schedule). */
    public void update(double decay) {
        double d = checked(decay);
        studentToTeacher.forEach((s, t) -> {
            INDArray teacher = teacherSd.getVariable(t).getArr();
            teacher.muli(d).addi(sd.getVariable(s).getArr().mul(1 - d));
        });
    }
}
