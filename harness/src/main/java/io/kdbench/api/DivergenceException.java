package io.kdbench.api;

/** A loss became NaN or infinite; the cell is marked failed with the curve and epoch. */
public class DivergenceException extends RuntimeException {
    private final int epoch;

    public DivergenceException(String curve, int epoch, double value) {
        super("loss '" + curve + "' diverged to " + value + " at epoch " + epoch);
        this.epoch = epoch;
    }

    public int epoch() {
        return epoch;
    }
}
