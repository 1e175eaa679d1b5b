package io.kdbench.methods.fedkd;

/** FedAvg without distillation: supervised local training on the few labels, weighted averaging. */
public class FedAvgBaseline extends FederatedMethod {
    @Override
    protected Row row() {
        return Row.FEDAVG;
    }

    @Override
    public String id() {
        return "fedavg";
    }

    @Override
    public String summary() {
        return "baseline: FedAvg of supervised Dice + CE students, no distillation (same start, rounds and steps)";
    }

    @Override
    public String describe() {
        return summary() + ". Paper: 'Communication-Efficient Learning of Deep Networks from Decentralized Data'"
                + " (McMahan et al., arXiv 1602.05629). The dual-KD row without its KD terms: starts from the same"
                + " repository model, same clients, rounds and steps; weights n_k / sum n.";
    }
}
