package io.kdbench.methods.fedkd;

/** Federated few-shot dual KD (He et al., ISBI 2023): FedAvg of students distilled from a repository teacher. */
public class FedDualKd extends FederatedMethod {
    @Override
    protected Row row() {
        return Row.DUAL_KD;
    }

    @Override
    public String id() {
        return "fed-dual-kd";
    }

    @Override
    public String summary() {
        return "federated few-shot dual KD: repository teacher, uncertainty-masked response KD + bottleneck feature KL, FedAvg";
    }

    @Override
    public String describe() {
        return summary() + ". Paper: 'Dealing With Heterogeneous 3D MR Knee Images: A Federated Few-Shot Learning"
                + " Method With Dual Knowledge Distillation' (He et al., ISBI 2023, arXiv 2303.14357; code"
                + " hexiaoxiao-cs/fedml-knee). From the code: loss = 0.5 (Dice + CE) on labelled + alpha r(epoch) *"
                + " sum(M (softmax S - softmax T)^2) / (2 sum M) + KL(softmax_c f_T || softmax_c f_S) on the bottleneck"
                + " (mean reduction); teacher input noise clip(N(0, 0.1^2), +-0.2); mask M = entropy of the mean of"
                + " noisy teacher passes < (0.75 + 0.25 r(iter, 12150)) ln 2; alpha 0.1; Dice with background, smooth 1;"
                + " teacher and student start from the repository model; teacher updated once per local epoch after"
                + " the client's 6th epoch by T = (1 - a) T + a S, a = min(progress, 0.99); FedAvg of the student"
                + " only, weighted by local sample counts; fresh optimiser per round. Assumed / reduced: small 3-level"
                + " U-Net (3x3x3, ReLU, no BatchNorm) instead of the 5-level V-Net; 4 noisy teacher passes instead of"
                + " 8 and the first pass also gives the targets; repository resampled to the clients' grid and"
                + " pre-trained supervised (the code's OAI model used UA-MT); r(epoch) ramps over the local steps of a"
                + " round; AdamW with warm-up and cosine decay over all rounds instead of the code's poly decay; the"
                + " budget counted in optimisation steps of the whole federation; few rounds; the best round on the"
                + " validation split is deployed; where the dataset's foreground is rare (knee-mr-federated) every"
                + " supervised term, the repository teacher's included, follows the harness's rule instead of the"
                + " code's Dice with background: Dice over the foreground classes and CE weighted by 1 / sqrt of the"
                + " pooled labelled class shares (with the code's loss every federated row lost the patellar"
                + " cartilage on 1 of 10 seeds). The paper's ablations as parameters (the same network, start and schedule):"
                + " alpha 0 is feature-only KD, lambda_feature 0 (the feature term's weight, 1 in the code) is"
                + " response-only KD.";
    }
}
