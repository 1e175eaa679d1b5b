package io.kdbench.methods.fedkd;

import io.kdbench.api.Selection;
import io.kdbench.api.TrainContext;
import io.kdbench.api.TrainingLog;
import io.kdbench.data.Image;
import io.kdbench.data.Sample;
import io.kdbench.data.Splits;
import io.kdbench.methods.nn.UNet;
import io.kdbench.methods.train.Recipe;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.lang.ref.WeakReference;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The repository teachers pre-trained in this process. The four federated rows of one dataset draw start from the
 * same pre-trained model (same repository, seed, network and teacher recipe), so it is trained once and shared: the
 * second row gets the first one's weights and its log entries (the pre-training curve, the teacher's selection and
 * validation score), which are what it would have computed itself, bit for bit. A draw is known by the identity of
 * its repository and validation lists (the local runner shares one draw between the cells of a dataset and seed); an executor that
 * makes its data anew simply trains the teacher again. Only the last few teachers are kept.
 */
final class RepositoryTeachers {
    private static final int KEPT = 4;

    /**
     * A draw, known by the identity of its repository and validation lists (held weakly, so a kept teacher does not
     * keep the runner's dropped data alive; the harness wraps each cell's splits anew, but the lists inside are the
     * shared ones), and everything else that the pre-training depends on.
     */
    private record Key(WeakReference<List<Sample>> external, WeakReference<List<Sample>> validation, int identity,
                       long seed, List<Integer> grid, UNet.Config config, Recipe recipe) {
        Key(Splits splits, long seed, List<Integer> grid, UNet.Config config, Recipe recipe) {
            this(new WeakReference<>(splits.external()), new WeakReference<>(splits.validation()),
                    System.identityHashCode(splits.external()), seed, grid, config, recipe);
        }

        @Override
        public boolean equals(Object o) {
            List<Sample> mine = external.get();
            return o instanceof Key k && mine != null && k.external.get() == mine
                    && k.validation.get() == validation.get() && k.seed == seed && k.grid.equals(grid)
                    && k.config.equals(config) && k.recipe.equals(recipe);
        }

        @Override
        public int hashCode() {
            return Objects.hash(identity, seed, grid, config, recipe);
        }
    }

    /** A pre-trained teacher's weights and what its pre-training wrote to the log. */
    private record Pretrained(Map<String, INDArray> weights, TrainingLog log) {
    }

    private static final Map<Key, CompletableFuture<Pretrained>> MADE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<Pretrained>> eldest) {
            return size() > KEPT;
        }
    };

    private static int trainings;

    private RepositoryTeachers() {
    }

    /**
     * The teacher pre-trained by {@code train} (given a context with a fresh log) for this cell's draw and clients'
     * {@code grid}, trained now or by an earlier cell; its log entries are added to {@code ctx.log()} and the weights
     * returned are this cell's own copy.
     */
    static Map<String, INDArray> pretrained(TrainContext ctx, Image grid, UNet.Config config, Recipe recipe,
                                            Function<TrainContext, Map<String, INDArray>> train) {
        Key key = new Key(ctx.splits(), ctx.seed(), List.of(grid.depth(), grid.height(), grid.width()), config, recipe);
        CompletableFuture<Pretrained> made;
        boolean mine = false;
        synchronized (MADE) {
            made = MADE.get(key);
            if (made == null) {
                made = new CompletableFuture<>();
                MADE.put(key, made);
                mine = true;
                trainings++;
            }
        }
        if (mine) {
            try {
                TrainingLog log = new TrainingLog();
                Map<String, INDArray> weights = train.apply(new TrainContext(ctx.params(), ctx.dataset(), ctx.splits(),
                        ctx.seed(), log, ctx.validation()));
                made.complete(new Pretrained(weights, log));
            } catch (RuntimeException | Error e) {
                synchronized (MADE) {
                    MADE.remove(key, made);
                }
                made.completeExceptionally(e);
                throw e;
            }
        }
        Pretrained p;
        try {
            p = made.join();
        } catch (CompletionException e) {
            // the cell that trained it failed; this one trains its own and fails or succeeds on its own account
            return train.apply(ctx);
        }
        replay(p.log(), ctx.log());
        Map<String, INDArray> copy = new LinkedHashMap<>();
        p.weights().forEach((name, w) -> copy.put(name, w.dup()));
        return copy;
    }

    /** Writes {@code from}'s curves and extras to {@code to}, in their order. */
    @SuppressWarnings("unchecked")
    private static void replay(TrainingLog from, TrainingLog to) {
        from.curves().forEach((curve, values) -> {
            for (int i = 0; i < values.size(); i++) {
                to.record(curve, i, values.get(i));
            }
        });
        from.extras().forEach((key, value) -> {
            switch (key) {
                case TrainingLog.SELECTION -> ((Map<String, Selection>) value).forEach(to::selection);
                case TrainingLog.TEACHERS -> ((Map<String, Map<String, Object>>) value).forEach((name, entry) ->
                        to.teacher(name, (String) entry.get("metric"), (Double) entry.get("validation")));
                default -> to.put(key, value);
            }
        });
    }

    /** Forgets every teacher (for tests). */
    static void clear() {
        synchronized (MADE) {
            MADE.clear();
        }
    }

    /** How many teachers this process has pre-trained for the cache (for tests). */
    static int trainings() {
        synchronized (MADE) {
            return trainings;
        }
    }
}
