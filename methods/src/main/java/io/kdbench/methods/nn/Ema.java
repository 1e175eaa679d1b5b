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

    /**
     * A teacher in its own graph (or the student's, {@code teacherSd == sd}): SameDiff M2.1's output() on a large graph
     * with a gradient function costs hundreds of ms per call even for a tiny forward pass, so per-step teachers run
     * from a separate graph. The decay is given at every {@link #update(double)}: fixed for a mean teacher, scheduled
     * for dual KD's teacher.
     */
    public Ema(SameDiff sd, SameDiff teacherSd, Map<String, String> studentToTeacher) {
        this.sd = sd;
        this.teacherSd = teacherSd;
        this.studentToTeacher = Map.copyOf(studentToTeacher);
    }

    /** Copies the student's weights into the teacher (the usual start of a mean teacher). */
    public void copy() {
        studentToTeacher.forEach((s, t) -> teacherSd.getVariable(t).getArr().assign(sd.getVariable(s).getArr()));
    }

    /** One EMA step at {@code decay}, which must lie in [0, 1]. */
    public void update(double decay) {
        if (!(decay >= 0 && decay <= 1)) {
            throw new IllegalArgumentException("EMA decay must be in [0, 1], got " + decay);
        }
        studentToTeacher.forEach((s, t) -> {
            INDArray teacher = teacherSd.getVariable(t).getArr();
            teacher.muli(decay).addi(sd.getVariable(s).getArr().mul(1 - decay));
        });
    }
}
