package io.kdbench.cli;

/**
 * kdbench's exit codes, one meaning each across verbs (docs/reliability.md). 1 is an internal error and also a
 * check that fails ({@code verify}: a cell differs, is unreadable, missing or cannot be recomputed; {@code compare}:
 * something is worse); a failed check always prints its summary, a crash its stack trace.
 */
final class ExitCodes {
    /** Done; for {@code run}: every cell OK or skipped. */
    static final int OK = 0;
    /** An unexpected internal error (with a stack trace on stderr), or a check that fails. */
    static final int FAILED = 1;
    /** Input the user must fix: one message naming it. */
    static final int BAD_INPUT = 2;
    /** {@code run}: the grid finished, but some cells failed (named on stderr); a rerun tries them again. */
    static final int CELLS_FAILED = 3;

    private ExitCodes() {
    }
}
