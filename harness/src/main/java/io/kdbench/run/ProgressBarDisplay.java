package io.kdbench.run;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;


/** A terminal progress bar on stderr: cells done, the current method / dataset / seed, elapsed time and ETA. */
public final class ProgressBarDisplay implements GridProgress {
    private ProgressBar bar;

    @Override
    public void start(int totalCells) {
        // Redraw rarely when not on a terminal (CI logs) so the log stays short.
        int interval = System.console() == null ? 30_000 : 500;
        bar = new ProgressBarBuilder().setTaskName("cells").setInitialMax(totalCells)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(interval)
                .setMaxRenderedLength(120).continuousUpdate()
                .build();
    }

    @Override
    public void cellStarted(RunSpec spec) {
        bar.setExtraMessage(spec.describeCell());
    }

    @Override
    public void cellFinished(RunSpec spec, String outcome) {
        bar.step();
    }

    @Override
    public void finish() {
        bar.close();
    }
}
