package io.kdbench.learning;

import io.kdbench.api.AttributeTask;
import io.kdbench.api.DatasetInfo;
import io.kdbench.api.EmptyPolicy;
import io.kdbench.api.Modality;
import io.kdbench.api.Role;
import io.kdbench.api.Task;
import io.kdbench.api.TrainedModel;
import io.kdbench.api.Validation;
import io.kdbench.data.Image;
import io.kdbench.data.LabelMap;
import io.kdbench.data.Prediction;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import io.kdbench.metrics.classification.AurocMetric;
import io.kdbench.metrics.segmentation.DiceMetric;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "learned" verdict on known losses and scores, and the label prior it is measured against. */
class LearningVerdictTest {
    private static final List<Modality> IMAGE = List.of(new Modality("image", Modality.Kind.IMAGE, false));
    private static final DatasetInfo BINARY = new DatasetInfo("d", Task.CLASSIFICATION, List.of("a", "b"), IMAGE, false);
    private static final Validation AUROC = new Validation(new AurocMetric(), BINARY, List.of(), EmptyPolicy.NAN);

    private static Sample labelled(String id, int label) {
        return Sample.of(id, Map.of("image", Image.of2d(new float[] {label}, 1, 1, 1))).withLabel(label);
    }

    @Test
    void aClassifierLearnedWhenItsLossIsAtMostFourFifthsOfThePriorEntropyAndItBeatsThePrior() {
        double h = Math.log(2);
        LearningVerdict v = LearningCheck.decide(Role.COMPETITOR, AUROC, 0.81, 0.5, 0.8 * h, h);
        assertEquals(LearningVerdict.Status.LEARNED, v.status(), v.reason());
        assertTrue(v.evidence());
    }

    @Test
    void aLossThatStaysAtThePriorIsNotLearningEvenWithAGoodValidationScore() {
        double h = 0.647;
        // the loss curve of a student stuck at the Bernoulli(0.35) prior: 0.66, 0.65, 0.649
        LearningVerdict v = LearningCheck.decide(Role.COMPETITOR, AUROC, 0.70, 0.5, 0.649, h);
        assertEquals(LearningVerdict.Status.NOT_LEARNED, v.status());
        assertTrue(v.reason().contains("training loss 0.649 > 0.8 x prior entropy 0.647"), v.reason());
        assertFalse(v.evidence());
    }

    @Test
    void aLowLossThatDoesNotBeatThePriorOnValidationIsMemorisationNotLearning() {
        LearningVerdict v = LearningCheck.decide(Role.COMPETITOR, AUROC, 0.5, 0.5, 0.01, Math.log(2));
        assertEquals(LearningVerdict.Status.NOT_LEARNED, v.status());
        assertTrue(v.reason().startsWith("validation auroc 0.500 does not beat prior 0.500"), v.reason());
    }

    @Test
    void segmentationNeedsOnlyToBeatTheMeanMaskAndFloorsAreNotJudged() {
        DatasetInfo seg = new DatasetInfo("s", Task.SEGMENTATION_2D, List.of("bg", "fg"), IMAGE, false);
        Validation dice = new Validation(new DiceMetric(), seg, List.of(), EmptyPolicy.NAN);
        assertEquals(LearningVerdict.Status.LEARNED,
                LearningCheck.decide(Role.COMPETITOR, dice, 0.41, 0.40, Double.NaN, Double.NaN).status());
        assertEquals(LearningVerdict.Status.NOT_LEARNED,
                LearningCheck.decide(Role.UPPER_BOUND, dice, 0.40, 0.40, Double.NaN, Double.NaN).status());
        LearningVerdict floor = LearningCheck.decide(Role.FLOOR, dice, 0.1, 0.4, Double.NaN, Double.NaN);
        assertEquals(LearningVerdict.Status.FLOOR, floor.status());
        assertTrue(floor.evidence());
        assertEquals(LearningVerdict.Status.UNJUDGED,
                LearningCheck.decide(Role.COMPETITOR, dice, Double.NaN, 0.4, Double.NaN, Double.NaN).status());
    }

    @Test
    void aSegmentationThatLostOneClassIsNotLearnedThoughItsMeanBeatsThePrior() {
        DatasetInfo seg = new DatasetInfo("s", Task.SEGMENTATION_2D, List.of("bg", "head", "symphysis"), IMAGE, false);
        Validation dice = new Validation(new DiceMetric(), seg, List.of(), EmptyPolicy.NAN);
        // the fetal collapse: the head found, the symphysis lost; the mean 0.45 still beats the prior's 0.35
        List<String> lost = LearningCheck.lostClasses(dice, Map.of("head", 0.90, "symphysis", 0.0),
                Map.of("head", 0.70, "symphysis", 0.0));
        assertEquals(List.of("symphysis 0.000 (prior 0.000)"), lost);
        LearningVerdict v = LearningCheck.decide(Role.COMPETITOR, dice, 0.45, 0.35, Double.NaN, Double.NaN, lost);
        assertEquals(LearningVerdict.Status.NOT_LEARNED, v.status());
        assertTrue(v.reason().endsWith("does not beat the prior on symphysis 0.000 (prior 0.000)"), v.reason());
        // every class above the prior's: learned; a class undefined for both (absent from validation) is skipped
        List<String> none = LearningCheck.lostClasses(dice, Map.of("head", 0.90, "symphysis", Double.NaN),
                Map.of("head", 0.70, "symphysis", Double.NaN));
        assertEquals(List.of(), none);
        assertEquals(LearningVerdict.Status.LEARNED,
                LearningCheck.decide(Role.COMPETITOR, dice, 0.90, 0.70, Double.NaN, Double.NaN, none).status());
        // a class the prior scores and the model does not (NaN: it never predicts it where it is absent) is lost
        assertEquals(List.of("symphysis NaN (prior 0.200)"), LearningCheck.lostClasses(dice,
                Map.of("head", 0.90, "symphysis", Double.NaN), Map.of("head", 0.70, "symphysis", 0.2)));
    }

    @Test
    void judgeScoresEveryForegroundClassOfTheValidationSplit() {
        DatasetInfo seg = new DatasetInfo("s", Task.SEGMENTATION_2D, List.of("bg", "a", "b"), IMAGE, false);
        byte[] truth = {1, 1, 2, 0};
        Sample v = Sample.of("v", Map.of("image", Image.of2d(new float[4], 1, 2, 2)))
                .withMask(LabelMap.of2d(truth, 2, 2));
        Validation dice = new Validation(new DiceMetric(), seg, List.of(v), EmptyPolicy.NAN);
        // predicts class a right and never class b: Dice a 1, b 0
        Prediction lostB = new Prediction("v", null, LabelMap.of2d(new byte[] {1, 1, 0, 0}, 2, 2), null);
        Validation.Scores scores = dice.scores(List.of(lostB));
        assertEquals(Map.of("a", 1.0, "b", 0.0), scores.byClass());
        assertEquals(0.5, scores.overall(), 1e-12);
    }

    @Test
    void judgeScoresTheValidationCasesAsTheDeployedModelIsGivenThem() {
        // depth is privileged: the model reads it where it is there (and is then right) and answers 0.5 without it
        DatasetInfo rgbd = new DatasetInfo("rgbd", Task.CLASSIFICATION, List.of("a", "b"), List.of(
                new Modality("image", Modality.Kind.IMAGE, false), new Modality("depth", Modality.Kind.IMAGE, true)),
                false);
        List<Sample> train = List.of(withDepth("t1", 0), withDepth("t2", 1), withDepth("t3", 0), withDepth("t4", 1));
        List<Sample> validation = List.of(withDepth("v1", 0), withDepth("v2", 1), withDepth("v3", 1));
        TrainedModel readsDepth = new TrainedModel() {
            @Override
            public List<Prediction> predict(List<Sample> samples) {
                return samples.stream().map(s -> {
                    double p = s.images().containsKey("depth") ? 0.02 + 0.96 * s.image("depth").data()[0] : 0.5;
                    return new Prediction(s.id(), new double[] {1 - p, p}, null, null);
                }).toList();
            }

            @Override
            public long parameterCount() {
                return 1;
            }
        };
        Validation auroc = new Validation(new AurocMetric(), rgbd, validation, EmptyPolicy.NAN);
        Splits splits = new Splits(train, validation, List.of(), List.of());
        List<Sample> deployed = validation.stream()
                .map(s -> Sample.of(s.id(), Map.of("image", s.image("image")))).toList();

        LearningVerdict asDeployed = LearningCheck.judge(Role.COMPETITOR, rgbd, splits, readsDepth, auroc, deployed);
        assertEquals(LearningVerdict.Status.NOT_LEARNED, asDeployed.status(), asDeployed.reason());
        assertEquals(0.5, asDeployed.validation(), 0.0);
        // the training loss is measured on the training inputs (with depth): -ln 0.98
        assertEquals(-Math.log(0.98), asDeployed.trainLoss(), 1e-9);
        // given the validation cases with depth, the same model would have passed
        LearningVerdict withDepth = LearningCheck.judge(Role.COMPETITOR, rgbd, splits, readsDepth, auroc, validation);
        assertEquals(LearningVerdict.Status.LEARNED, withDepth.status(), withDepth.reason());
        assertThrows(IllegalArgumentException.class,
                () -> LearningCheck.judge(Role.COMPETITOR, rgbd, splits, readsDepth, auroc, deployed.subList(0, 2)));
    }

    private static Sample withDepth(String id, int label) {
        return Sample.of(id, Map.of("image", Image.of2d(new float[] {0.5f}, 1, 1, 1),
                "depth", Image.of2d(new float[] {label}, 1, 1, 1))).withLabel(label);
    }

    @Test
    void thePriorPredictsTheTrainingFrequenciesAndItsEntropyIsTheirs() {
        List<Sample> train = List.of(labelled("a", 0), labelled("b", 1), labelled("c", 1), labelled("d", 1));
        LabelPrior prior = LabelPrior.fit(BINARY, train);
        assertArrayEquals(new double[] {0.25, 0.75}, prior.frequencies(), 0.0);
        assertEquals(-(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75)), prior.entropy(), 1e-12);
        List<Prediction> p = prior.predict(List.of(labelled("x", 0)));
        assertArrayEquals(new double[] {0.25, 0.75}, p.get(0).probabilities(), 0.0);
        // the prior's own training cross-entropy is its entropy
        assertEquals(prior.entropy(), TrainingFit.crossEntropy(BINARY, train, prior.predict(train)), 1e-12);
        assertNull(p.get(0).attributes(), "no attribute tasks declared, none predicted");
    }

    @Test
    void thePriorPredictsEachAttributeTasksTrainingValueFrequencies() {
        DatasetInfo withAttributes = BINARY.withAttributes(List.of(new AttributeTask("veil", 1, 2),
                new AttributeTask("network", 0, 3)));
        List<Sample> train = List.of(labelled("a", 0).withTabular(new double[] {2, 1}),
                labelled("b", 1).withTabular(new double[] {2, 0}), labelled("c", 1).withTabular(new double[] {0, 1}),
                labelled("d", 1).withTabular(new double[] {2, 1}));
        Prediction p = LabelPrior.fit(withAttributes, train).predict(List.of(labelled("x", 0))).get(0);
        assertEquals(List.of("veil", "network"), List.copyOf(p.attributes().keySet()));
        assertArrayEquals(new double[] {0.25, 0.75}, p.attributes().get("veil"), 0.0);
        assertArrayEquals(new double[] {0.25, 0.0, 0.75}, p.attributes().get("network"), 0.0);
    }

    @Test
    void aMultiLabelPriorUsesTheMeanBernoulliEntropy() {
        DatasetInfo multi = new DatasetInfo("m", Task.MULTILABEL_CLASSIFICATION, List.of("x", "y"), IMAGE, false);
        List<Sample> train = new ArrayList<>();
        float[][] t = {{1, 0}, {0, 0}, {1, 1}, {0, 0}};
        for (int i = 0; i < t.length; i++) {
            train.add(Sample.of("s" + i, Map.of("image", Image.of2d(new float[] {0}, 1, 1, 1))).withTargets(t[i]));
        }
        LabelPrior prior = LabelPrior.fit(multi, train);
        assertArrayEquals(new double[] {0.5, 0.25}, prior.frequencies(), 0.0);
        double hx = Math.log(2);
        double hy = -(0.25 * Math.log(0.25) + 0.75 * Math.log(0.75));
        assertEquals((hx + hy) / 2, prior.entropy(), 1e-12);
        assertEquals(prior.entropy(), TrainingFit.crossEntropy(multi, train, prior.predict(train)), 1e-12);
    }

    @Test
    void theSegmentationPriorIsTheVoxelwiseMajorityMaskWithTheCaseGeometry() {
        DatasetInfo seg = new DatasetInfo("s", Task.SEGMENTATION_2D, List.of("bg", "fg"), IMAGE, false);
        List<Sample> train = new ArrayList<>();
        byte[][] masks = {{1, 1, 0, 0}, {1, 0, 0, 1}, {1, 1, 0, 0}};
        for (int i = 0; i < masks.length; i++) {
            train.add(Sample.of("s" + i, Map.of("image", Image.of2d(new float[4], 1, 2, 2)))
                    .withMask(LabelMap.of2d(masks[i], 2, 2)));
        }
        LabelPrior prior = LabelPrior.fit(seg, train);
        Sample other = Sample.of("o", Map.of("image", Image.of2d(new float[9], 1, 3, 3)));
        List<Prediction> p = prior.predict(List.of(train.get(1), other));
        assertArrayEquals(new byte[] {1, 1, 0, 0}, p.get(0).segmentation().labels());
        assertArrayEquals(new byte[9], p.get(1).segmentation().labels(), "another shape gets the empty mask");
    }
}
