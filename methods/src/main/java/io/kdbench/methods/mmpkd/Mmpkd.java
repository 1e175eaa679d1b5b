package io.kdbench.methods.mmpkd;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.DistillationMethod;
import io.kdbench.api.Params;
import io.kdbench.api.Support;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainedModel;
import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import io.kdbench.methods.baseline.Targets;
import io.kdbench.methods.baseline.VitStudent;
import io.kdbench.methods.nn.VitClassifier;
import io.kdbench.methods.teachers.PrivilegedTeacher;
import io.kdbench.methods.teachers.Teachers;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
                + " on the validation split (AUROC), as for every row.";
    }

    @Override
    public Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>(new VitStudent().defaults());
        d.put("alpha", 0.5);
        d.put("temperature", 2.0);
        d.putAll(Teachers.defaults());
        return d;
    }

    @Override
    public void validate(Params p) {
        VitStudent.check(p);
        double a = p.getDouble("alpha");
        if (a < 0 || a > 1) {
            throw new IllegalArgumentException("alpha must be in [0, 1], got " + a);
        }
        if (!(p.getDouble("temperature") > 0)) {
            throw new IllegalArgumentException("temperature must be > 0, got " + p.getDouble("temperature"));
        }
        Teachers.validate(p);
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
