package io.kdbench.methods.fedkd;

/** Each client fine-tunes the repository model on its own few labels; no communication. */
public class FedLocalOnly extends FederatedMethod {
    @Override
    protected Row row() {
        return Row.LOCAL_ONLY;
    }

    @Override
    public String id() {
        return "fed-local-only";
    }

    @Override
    public String summary() {
        return "baseline: local-only training per client (repository start, supervised), each test case by its client's model";
    }

    @Override
    public String describe() {
        return summary() + ". Not from a paper: the no-federation lower bound. Each client trains rounds x local_epochs"
                + " epochs on its labelled volumes alone; a test case is segmented by the model of its Sample.client.";
    }
}
