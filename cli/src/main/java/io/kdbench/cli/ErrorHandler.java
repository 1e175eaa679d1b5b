package io.kdbench.cli;

import io.kdbench.api.BadDataException;
import io.kdbench.experiment.ConfigException;
import picocli.CommandLine;

/** Maps exceptions to exit codes: bad input is one line and exit 2; anything else is a bug, exit 1. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    static final int BAD_INPUT = ExitCodes.BAD_INPUT;

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
        if (e instanceof ConfigException || e instanceof BadInputException || e instanceof BadDataException) {
            cmd.getErr().println("kdbench: " + e.getMessage());
            return BAD_INPUT;
        }
        cmd.getErr().println("kdbench: unexpected error: " + e);
        e.printStackTrace(cmd.getErr());
        return ExitCodes.FAILED;
    }
}
