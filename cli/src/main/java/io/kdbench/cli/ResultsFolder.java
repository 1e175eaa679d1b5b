package io.kdbench.cli;

import io.kdbench.experiment.ConfigException;
import io.kdbench.experiment.Experiment;
import io.kdbench.experiment.ExperimentLoader;
import io.kdbench.registry.Registries;
import io.kdbench.store.CellRecord;
import io.kdbench.store.ResultsStore;
import io.kdbench.store.StoreContents;
import io.kdbench.store.UnreadableCell;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Opens a results folder given on the command line, or stops with one message naming what is wrong. */
final class ResultsFolder {
    static final String EXPERIMENT_FILE = "experiment.yaml";

    private ResultsFolder() {
    }

    /** Every cell file in the folder, readable or not; {@code option} prefixes messages (e.g. "--baseline "). */
    static StoreContents open(Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(option + dir + (Files.exists(dir) ? ": is a file, not a results folder"
                    : ": no such results folder"));
        }
        if (!Files.isDirectory(dir.resolve(ResultsStore.CELLS))) {
            throw new BadInputException(option + dir + ": not a results folder (it has no " + ResultsStore.CELLS + "/)");
        }
        return new ResultsStore(dir).contents();
    }

    /** The newest readable cell of each method, dataset and seed in the folder; at least one. */
    static List<CellRecord> latest(StoreContents contents, Path dir, String option) {
        List<CellRecord> cells = contents.latestPerSpec();
        if (cells.isEmpty()) {
            throw new BadInputException(option + dir + ": holds no readable cell");
        }
        return cells;
    }

    /** Names each unreadable cell file on stderr, one line each. */
    static void nameUnreadable(Collection<UnreadableCell> unreadable) {
        unreadable.forEach(u -> System.err.println("kdbench: unreadable cell file " + u));
    }

    /**
     * For a verb that gives verdicts: names each unreadable cell file on stderr, then stops (exit 2) if there is any,
     * unless {@code ignore} (--ignore-unreadable): a verdict on part of a store would not say so.
     *
     * @param verb what the verb does without them, e.g. "compare"
     */
    static void stopOnUnreadable(Collection<UnreadableCell> unreadable, boolean ignore, String verb) {
        nameUnreadable(unreadable);
        if (!unreadable.isEmpty() && !ignore) {
            throw new BadInputException(unreadable.size() + (unreadable.size() == 1 ? " cell file" : " cell files")
                    + " cannot be read (named above); rerun to replace them, or pass --ignore-unreadable to " + verb
                    + " without them");
        }
    }

    /**
     * The experiment file a run copied beside the cells (for the grid, the name and the reported values); empty if
     * there is none. Throws {@link ConfigException} if it no longer loads (e.g. it names a plug-in not given).
     */
    static Optional<Experiment> experiment(Path dir, Registries registries) {
        Path file = dir.resolve(EXPERIMENT_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(new ExperimentLoader(registries).load(file));
    }
}
