package io.kdbench.methods.fedkd;

/**
 * Semi-supervised federated learning without the repository teacher's distillation: FedAvg of students that each
 * train a mean teacher on their client's unlabelled volumes. The dual-KD paper's comparison class.
 */
public class FedMeanTeacher extends FederatedMethod {
    @Override
    protected Row row() {
        return Row.MEAN_TEACHER;
    }

    @Override
    public String id() {
        return "fed-mean-teacher";
    }

    @Override
    public String summary() {
        return "baseline: semi-supervised FL, FedAvg of mean-teacher students (per-client EMA teacher, consistency on"
                + " unlabelled volumes)";
    }

    @Override
    public String describe() {
        return summary() + ". The dual-KD paper reports beating semi-supervised FL methods (SSFL and Fed-Semi in the"
                + " code's results; their trainers are in the code but were not read). Assumed, the standard"
                + " interpretation: each client trains a mean teacher (Tarvainen & Valpola, arXiv 1703.01780) in the"
                + " UA-MT form of the code's own pre-training without its uncertainty mask: loss = Dice + CE on"
                + " labelled (the rule of fed-dual-kd's supervised term) + consistency r(t) * mean (softmax S(x)"
                + " - softmax T(x + noise))^2 on unlabelled volumes, noise clip(N(0, 0.1^2), +-0.2), teacher"
                + " T = 0.99 T + 0.01 S after every step, kept per client across rounds; r a sigmoid ramp over the"
                + " first 40 % of the federation's steps; FedAvg of the"
                + " students weighted by local sample counts. Same start (the repository model, for student and"
                + " teachers), clients, rounds and steps as fed-dual-kd, so the two differ only in the local"
                + " unsupervised term and the teacher's schedule.";
    }
}
