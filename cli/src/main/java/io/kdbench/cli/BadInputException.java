package io.kdbench.cli;

/** Input the user must fix (a file, a field, a value): printed as one message, exit code 2. */
public class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message);
    }

    public BadInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
