package io.kdbench.bench;

/**
 * Prints each {@link StepNetwork} as {@code NAME <tab> parameters <tab> description}: bench/step-table hands the counts
 * to the PyTorch script, which refuses to time a network whose count differs.
 */
public final class PrintStepNetworks {
    private PrintStepNetworks() {
    }

    public static void main(String[] args) {
        for (StepNetwork n : StepNetwork.values()) {
            if (args.length == 0 || java.util.Arrays.asList(args).contains(n.name())) {
                System.out.println(n.name() + "\t" + n.build(TrainingStepBenchmark.SEED).parameters() + "\t"
                        + n.description());
            }
        }
    }
}
