package io.kdbench.methods.fedkd;

/** Upper bound: the dual-KD training with all clients' data pooled on one site. */
public class FedCentralised extends FederatedMethod {
    @Override
    protected Row row() {
        return Row.CENTRALISED;
    }

    @Override
    public String id() {
        return "fed-centralised";
    }

    @Override
    public String summary() {
        return "upper bound: the dual-KD training on the pooled data of all clients (one site, no FedAvg)";
    }

    @Override
    public String describe() {
        return summary() + ". Not from the paper's code: centralised training of the same losses and teacher schedule"
                + " on the union of the clients' labelled and unlabelled volumes, with the same number of optimisation steps as"
                + " each federated client (steps / rounds per round on the one site).";
    }

    @Override
    public io.kdbench.api.Role role() {
        return io.kdbench.api.Role.UPPER_BOUND;
    }
}
