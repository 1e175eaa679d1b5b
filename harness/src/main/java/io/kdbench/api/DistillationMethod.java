package io.kdbench.api;

/**
 * A method (or baseline) under benchmark, found through {@link java.util.ServiceLoader}. Implementations
 * need a public no-arg constructor and a line in
 * {@code META-INF/services/io.kdbench.api.DistillationMethod}.
 *
 * <p>Contract: {@link #train} uses only the randomness of {@link TrainContext#seed()} (seed ND4J, Java
 * and data order from it), reads privileged modalities only from training samples, and returns a model
 * that predicts from the test samples' non-privileged inputs (unless {@link TrainedModel#usesPrivilegedAtTest()}).
 * The harness enforces the test side: test samples reach a method (in {@code train} and in {@code predict}) with
 * label -1 and no targets or mask, and with privileged inputs only for a model that reads them at test.
 */
public interface DistillationMethod extends Parameterised {

    /** Whether this method can run on the dataset; a "no" carries the reason shown in the report. */
    Support supports(DatasetInfo dataset);

    TrainedModel train(TrainContext context) throws Exception;

    /** Floor, competitor or upper bound; competitors by default. */
    default Role role() {
        return Role.COMPETITOR;
    }
}
