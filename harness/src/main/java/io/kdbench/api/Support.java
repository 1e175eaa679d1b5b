package io.kdbench.api;

/** Whether a method can run on a dataset, and why not. */
public record Support(boolean ok, String reason) {
    public static Support yes() {
        return new Support(true, "");
    }

    public static Support no(String reason) {
        return new Support(false, reason);
    }
}
