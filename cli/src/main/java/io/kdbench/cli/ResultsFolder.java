package io.kdbench.cli;

import io.kdbench.store.CellRecord;
import io.kdbench.store.ResultsStore;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Opens a results folder given on the command line, or stops with one message naming what is wrong. */
final class ResultsFolder {
    private ResultsFolder() {
    }

    /** The newest cell of each method, dataset and seed in the folder; at least one. */
    static List<CellRecord> cells(Path dir, String option) {
        if (!Files.isDirectory(dir)) {
            throw new BadInputException(option + dir + ": no such results folder");
        }
        if (!Files.isDirectory(dir.resolve(ResultsStore.CELLS))) {
            throw new BadInputException(option + dir + ": not a results folder (it has no " + ResultsStore.CELLS + "/)");
        }
        List<CellRecord> cells = new ResultsStore(dir).latestPerSpec();
        if (cells.isEmpty()) {
            throw new BadInputException(option + dir + ": holds no readable cell");
        }
        return cells;
    }
}
