package io.kdbench.run;

import io.kdbench.store.RunSpec;

/** Hears about the grid as it runs (the CLI draws its progress bar from it; tests stay silent). */
public interface GridProgress {
    void start(int totalCells);

    void cellStarted(RunSpec spec);

    void cellFinished(RunSpec spec, String outcome);

    void finish();

    GridProgress SILENT = new GridProgress() {
        @Override
        public void start(int totalCells) {
        }

        @Override
        public void cellStarted(RunSpec spec) {
        }

        @Override
        public void cellFinished(RunSpec spec, String outcome) {
        }

        @Override
        public void finish() {
        }
    };
}
