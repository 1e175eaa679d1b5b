package io.kdbench.methods.fedkd;

import io.kdbench.api.Params;
import io.kdbench.api.Seeds;
import io.kdbench.api.TrainContext;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Resampling;
import io.kdbench.data.Sample;
import io.kdbench.methods.augment.Augmenter;
import io.kdbench.methods.nn.UNet;
import io.kdbench.methods.train.Fitter;
import io.kdbench.methods.train.ModelSelection;
import io.kdbench.methods.train.Recipe;
import io.kdbench.methods.train.SegmentationData;
import io.kdbench.methods.train.SegmentationModel;
import io.kdbench.methods.train.StudentGraph;
import io.kdbench.methods.train.Weights;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The repository teacher's data and pre-training, done before any federated round (and shared between the rows of
 * a draw by {@link RepositoryTeachers}).
 */
final class RepositoryPretraining {
    private RepositoryPretraining() {
    }

    /** Repository volumes on the clients' grid (the "ST-reso" variant of the code's OAI pre-training). */
    static List<Sample> onGrid(List<Sample> repository, Image grid) {
        if (repository.isEmpty()) {
            throw new IllegalArgumentException("the dataset has no external repository to pre-train the teacher on");
        }
        List<Sample> out = new ArrayList<>();
        for (Sample s : repository) {
            Image im = Resampling.linearByCorners(s.image(FederatedMethod.MODALITY), grid.depth(), grid.height(), grid.width());
            LabelMap m = Resampling.nearest(s.mask(), grid.depth(), grid.height(), grid.width());
            out.add(Sample.of(s.id(), Map.of(FederatedMethod.MODALITY, im)).withMask(m));
        }
        return out;
    }

    /**
     * Supervised Dice + CE pre-training of the teacher on the repository (its own recipe, teacher_*); its checkpoint
     * is chosen on the clients' validation split, whose Dice is recorded as the repository teacher's score. Returns
     * its weights.
     */
    static Map<String, INDArray> pretrain(UNet.Config cfg, SegmentationData repo, Params p, TrainContext ctx) {
        StudentGraph g = new StudentGraph(cfg, Seeds.stream("teacher", ctx.seed()));
        SameDiff sd = g.sd();
        SDVariable xl = g.placeholder("xl", cfg.inChannels());
        SDVariable yl = sd.placeHolder("yl", DataType.FLOAT, -1, repo.voxels(), cfg.classes());
        UNet s = g.student();
        repo.supervisedLoss(sd, s.decode(g.mainDecoder(), s.encode(xl), null).logits(), yl).rename("loss");
        Recipe recipe = Recipe.from(p, "teacher_");
        StudentGraph inference = g.teacherCopy();
        SegmentationModel model = inference.model(FederatedMethod.MODALITY, recipe.batchSize());
        ModelSelection selection = g.selection("teacher", ctx.validation(), inference, model, recipe.validateEvery());
        SplittableRandom rng = new SplittableRandom(Seeds.stream("teacher-augment", ctx.seed()));
        new Fitter(sd, "loss", recipe, g.deployedVariables()).fit(repo.size(), idx -> {
            SegmentationData.Labelled l = repo.labelledBatch(idx.length, rng, Augmenter.standard());
            return Map.of("xl", l.x(), "yl", l.oneHot());
        }, Seeds.stream("teacher-batches", ctx.seed()), ctx.log(), "teacher_pretraining", null, selection);
        if (!ctx.validation().isEmpty()) {
            ctx.log().teacher("repository teacher", ctx.validation().metric(), selection.bestScore());
        }
        return Weights.snapshot(sd, g.deployedVariables());
    }
}
