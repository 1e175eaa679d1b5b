package io.kdbench.methods.train;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Runs an action with {@code System.out} discarded. SameDiff M2.1 prints "Added differentiated op ..." with
 * {@code System.out.println} (not a logger) for every op when it builds a gradient graph; this keeps the
 * terminal and the leaderboard readable. Only used around that one call.
 */
final class QuietStdout {
    private QuietStdout() {
    }

    static synchronized void run(Runnable action) {
        PrintStream original = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
    }
}
