package io.kdbench.datasets.synthetic;

import io.kdbench.api.BenchmarkDataset;
import io.kdbench.api.Param;
import io.kdbench.api.ParamSpec;
import io.kdbench.api.Params;
import io.kdbench.api.Seeds;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import io.kdbench.datasets.partition.LabelledFraction;
import io.kdbench.datasets.partition.Samples;
import io.kdbench.datasets.partition.SplitSizes;
import io.kdbench.datasets.partition.StratifiedSplit;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The common recipe of the single-pool synthetic datasets: generate n_train + n_val + n_test independent
 * cases, each from its own random stream derived from the seed (so cases can be made in parallel and stay
 * bit-identical), split them stratified by class, then keep the labels of {@code labelled_fraction} of
 * the training cases. Class labels are assigned round-robin by case index, so classes are balanced.
 */
public abstract class SyntheticDataset implements BenchmarkDataset {

    /** Makes case {@code index}; {@code rng} is that case's own stream. */
    protected abstract Sample generate(int index, Params params, SplittableRandom rng);

    @Override
    public Splits splits(Params params, long seed) {
        info(params); // validates the parameters before any work
        int nTrain = params.getInt("n_train");
        int nVal = params.getInt("n_val");
        int nTest = params.getInt("n_test");
        int n = nTrain + nVal + nTest;
        List<Sample> all = generateAll(params, seed, n);
        int[] strata = all.stream().mapToInt(Samples::stratum).toArray();
        int[] part = StratifiedSplit.assign(strata, new int[] {nTrain, nVal, nTest}, streamSeed(seed, 1));
        List<List<Sample>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < n; i++) {
            parts.get(part[i]).add(all.get(i));
        }
        List<Sample> train = parts.get(0);
        if (defaults().containsKey("labelled_fraction")) {
            train = LabelledFraction.apply(train, params.getDouble("labelled_fraction"), streamSeed(seed, 2));
        }
        return new Splits(train, parts.get(1), parts.get(2), List.of());
    }

    /** Cases 0..n-1; case i depends only on (id, seed, i, params). */
    protected List<Sample> generateAll(Params params, long seed, int n) {
        long[] seeds = new SplittableRandom(streamSeed(seed, 0)).longs(n).toArray();
        return IntStream.range(0, n).parallel()
                .mapToObj(i -> generate(i, params, new SplittableRandom(seeds[i])))
                .toList();
    }

    /** A seed for one purpose of this dataset, so streams of different datasets and purposes differ. */
    protected long streamSeed(long seed, int purpose) {
        return Seeds.stream(id(), seed, purpose);
    }

    protected String caseId(int index) {
        return String.format("%s-%04d", id(), index);
    }

    /** The image side and the number of cases of each split, with these defaults. */
    protected static ParamSpec sizes(int size, int nTrain, int nVal, int nTest) {
        return ParamSpec.of(Param.of("size", size, "image side in pixels").in(16, 512))
                .and(SplitSizes.parameters(nTrain, nVal, nTest));
    }

    /** A case-visibility scale in (0, 10). */
    protected static Param contrast(String meaning) {
        return Param.of("contrast", 1.0, meaning).in(0, false, 10, false);
    }

    protected static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
