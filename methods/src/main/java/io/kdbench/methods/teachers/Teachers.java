package io.kdbench.methods.teachers;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.api.Params;
import io.kdbench.api.Support;
import io.kdbench.api.Task;
import io.kdbench.api.TrainContext;
import io.kdbench.data.Sample;
import io.kdbench.methods.baseline.Targets;
import io.kdbench.methods.train.Optimiser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses and trains the privileged teacher of MMPKD: the text teacher where the dataset has privileged text
 * (a report), the random forest where it has privileged tabular data, as the paper pairs them (MIMIC-CXR:
 * text, CBIS-DDSM: metadata). Its parameters are shared by the MMPKD row and the teacher's own row.
 */
public final class Teachers {
    private Teachers() {
    }

    public static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("teacher", "auto");          // auto | text | forest
        d.put("teacher_epochs", 40);        // text teacher
        d.put("teacher_lr", 0.02);
        d.put("ngram_min_count", 2);
        d.put("trees", 50);                 // forest teacher
        d.put("tree_depth", 6);
        d.put("feature_fraction", 0.5);
        return d;
    }

    public static void validate(Params p) {
        String kind = p.getString("teacher");
        if (!List.of("auto", "text", "forest").contains(kind)) {
            throw new IllegalArgumentException("teacher must be auto, text or forest, got '" + kind + "'");
        }
        if (p.getInt("trees") < 1 || p.getInt("tree_depth") < 1 || p.getInt("ngram_min_count") < 1
                || p.getInt("teacher_epochs") < 1) {
            throw new IllegalArgumentException("trees, tree_depth, ngram_min_count and teacher_epochs must be >= 1");
        }
        double f = p.getDouble("feature_fraction");
        if (!(f > 0 && f <= 1)) {
            throw new IllegalArgumentException("feature_fraction must be in (0, 1], got " + f);
        }
    }

    /** The teacher kind for this dataset, or null if it has no privileged text or tabular modality usable. */
    public static String kindFor(DatasetInfo info, String requested) {
        boolean text = has(info, Modality.Kind.TEXT);
        boolean tabular = has(info, Modality.Kind.TABULAR) && info.task() == Task.CLASSIFICATION;
        return switch (requested) {
            case "text" -> text ? "text" : null;
            case "forest" -> tabular ? "forest" : null;
            default -> text ? "text" : tabular ? "forest" : null;
        };
    }

    public static Support supports(DatasetInfo info, Params p) {
        if (!info.task().isClassification()) {
            return Support.no("MMPKD distils a classifier; the dataset's task is " + info.task());
        }
        if (info.imageModalities(false).isEmpty()) {
            return Support.no("needs an image available at test time");
        }
        if (kindFor(info, p == null ? "auto" : p.getString("teacher")) == null) {
            return Support.no("needs a privileged report (text teacher) or privileged tabular data with a single"
                    + " label (forest teacher)");
        }
        return Support.yes();
    }

    /** Trains the teacher on the labelled training samples' privileged inputs only. */
    public static PrivilegedTeacher train(TrainContext ctx) {
        Params p = ctx.params();
        DatasetInfo info = ctx.dataset();
        List<Sample> train = ctx.splits().labelledTrain();
        String kind = kindFor(info, p.getString("teacher"));
        if (kind == null) {
            throw new IllegalArgumentException(supports(info, p).reason());
        }
        long seed = ctx.seed() * 31 + 7; // the teacher's own stream, distinct from the student's
        if (kind.equals("text")) {
            Optimiser opt = new Optimiser(p.getInt("teacher_epochs"), p.getInt("batch_size"), p.getDouble("teacher_lr"), 0);
            return new NgramTextTeacher(train, Targets.of(train, info), info.task() == Task.MULTILABEL_CLASSIFICATION,
                    p.getInt("ngram_min_count"), opt, seed, ctx.log());
        }
        return new ForestTeacher(train, info.numClasses(), p.getInt("trees"), p.getInt("tree_depth"),
                p.getDouble("feature_fraction"), seed);
    }

    private static boolean has(DatasetInfo info, Modality.Kind kind) {
        return info.modalities().stream().anyMatch(m -> m.privileged() && m.kind() == kind);
    }
}
