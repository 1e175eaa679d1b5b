package io.kdbench.methods.mmpkd;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Support;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.methods.mmpkd.teachers.Teachers;

/**
 * MMPKD: a teacher on the privileged modality only (report text or tabular metadata) gives soft targets for each
 * training sample, computed once; the image-only ViT student ({@code vit-student}'s architecture) is trained with
 * {@code (1-a) CE + a T^2 KL(teacher || student)} (multi-label: BCE and the Bernoulli KL per finding).
 */
public class Mmpkd implements DistillationMethod {
    static final String PAPER = "\"On the effectiveness of multimodal privileged knowledge distillation in two vision"
            + " transformer based diagnostic applications\" (Baur, Benova, Dolgener Cantu, Ma), arXiv 2508.06558";

    @Override
    public String id() {
        return "mmpkd";
    }

    @Override
    public String summary() {
        return "MMPKD: image-only ViT student distilled from a privileged text (n-gram) or tabular (random forest) teacher";
    }

    @Override
    public String describe() {
        return "Paper: " + PAPER + ". Follows the paper: privileged modality only at training; text teacher for chest"
                + " radiographs, tabular random-forest teacher for mammography; ViT student on the image alone; scored"
                + " by AUROC and by ROI localization of its attention maps (last-layer CLS or rollout). Assumed (the"
                + " full text was not available): the loss (1-a) CE + a T^2 KL(teacher || student) with a = 0.5, T = 2"
                + " (Hinton KD; multi-label: BCE + Bernoulli KL per finding); forest soft targets = averaged tree votes"
                + " sharpened as p^(1/T); the text teacher is a linear model on word uni/bigrams instead of PubMedBERT;"
                + " the student is a 2-block width-32 ViT instead of ViT-Tiny; soft targets come out of fold (teacher_folds"
                + " teachers, each predicting the fold it did not see); no pretraining; the student's checkpoint is chosen"
                + " on the validation split (cross-entropy), as for every classification row.";
    }

    @Override
    public ParamSpec parameters() {
        return VitStudent.studentParameters().and(
                Param.of("alpha", 0.5, "KD weight a in (1 - a) CE + a T^2 KL (assumed)").fraction(),
                Param.of("temperature", 2.0, "KD temperature T of teacher and student (assumed)").positive())
                .and(Teachers.parameters());
    }

    @Override
    public void validate(Params p) {
        VitStudent.checkArchitecture(p);
    }

    @Override
    public Support supports(DatasetInfo dataset) {
        return Teachers.supports(dataset, null);
    }

    @Override
    public TrainedModel train(TrainContext ctx) {
        Params p = ctx.params();
        double temperature = p.getDouble("temperature");
        float[][] soft = Teachers.outOfFold(ctx, temperature);
        return VitStudent.trainStudent(ctx, soft, p.getDouble("alpha"), temperature);
    }
}
