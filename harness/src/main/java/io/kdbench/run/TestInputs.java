package io.kdbench.run;

import io.kdbench.api.DatasetInfo;
import io.kdbench.api.Modality;
import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a method may see of the test split: each case's id, its client, and the inputs the dataset declares available
 * at test time; never its label, targets or mask. A model that declares it reads privileged inputs at test (an
 * upper bound) also gets the privileged images, text and tabular data the dataset declares, still without labels,
 * targets or masks. The harness scores predictions against the original samples. Copies share the images.
 */
final class TestInputs {
    private TestInputs() {
    }

    /** The test cases as a method may see them. */
    static List<Sample> of(List<Sample> test, DatasetInfo info, boolean privileged) {
        return test.stream().map(s -> strip(s, info, privileged)).toList();
    }

    /** The splits a method trains with: its test split stripped as for a model that reads no privileged input. */
    static Splits forTraining(Splits splits, DatasetInfo info) {
        return new Splits(splits.train(), splits.validation(), of(splits.test(), info, false), splits.external());
    }

    static Sample strip(Sample s, DatasetInfo info, boolean privileged) {
        Map<String, Image> images = new HashMap<>();
        s.images().forEach((name, image) -> {
            if (visible(info, Modality.Kind.IMAGE, name, privileged)) {
                images.put(name, image);
            }
        });
        String text = visible(info, Modality.Kind.TEXT, null, privileged) ? s.text() : null;
        double[] tabular = visible(info, Modality.Kind.TABULAR, null, privileged) ? s.tabular() : null;
        return Sample.of(s.id(), images).withText(text).withTabular(tabular).withClient(s.client()).withLabelled(false);
    }

    /** Declared by the dataset (images by name), and available at test or allowed to a privileged reader. */
    private static boolean visible(DatasetInfo info, Modality.Kind kind, String imageName, boolean privileged) {
        return info.modalities().stream().anyMatch(m -> m.kind() == kind
                && (imageName == null || m.name().equals(imageName)) && (privileged || !m.privileged()));
    }
}
