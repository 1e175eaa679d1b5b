package io.kdbench.cli;

import io.kdbench.run.GridProgress;
import io.kdbench.store.RunSpec;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A terminal progress bar on stderr: cells done, every cell in progress (method / dataset / seed), elapsed time and
 * ETA. Safe to call from the threads that run cells side by side. The CLI's only: the harness just reports
 * through {@link GridProgress}.
 */
final class ProgressBarDisplay implements GridProgress {
    private ProgressBar bar;
    private final Set<String> running = new LinkedHashSet<>();

    @Override
    public synchronized void start(int totalCells) {
        // Redraw rarely when not on a terminal (CI logs) so the log stays short.
        int interval = System.console() == null ? 30_000 : 500;
        bar = new ProgressBarBuilder().setTaskName("cells").setInitialMax(totalCells)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(interval)
                .setMaxRenderedLength(160).continuousUpdate()
                .build();
    }

    @Override
    public synchronized void cellStarted(RunSpec spec) {
        running.add(spec.describeCell());
        bar.setExtraMessage(String.join(" | ", running));
    }

    @Override
    public synchronized void cellFinished(RunSpec spec, String outcome) {
        running.remove(spec.describeCell());
        bar.setExtraMessage(String.join(" | ", running));
        bar.step();
    }

    @Override
    public synchronized void finish() {
        bar.close();
    }
}
