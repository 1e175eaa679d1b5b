package io.kdbench.methods.train;

import org.bytedeco.javacpp.Pointer;

/**
 * Keeps a training process's resident memory near what it uses. ND4J frees an array's native buffer only when the
 * Java garbage collector finds the array unreachable, and arrays nobody closes are small Java objects holding large
 * native buffers: the Java heap hardly fills, so the collector rarely runs, and the process grows until JavaCPP's
 * cap forces collections inside allocations, each with a pause (measured: a paper-size ViT grew to 5.6 GB and its
 * steps slowed from 0.5 to 2 s). A {@link Fitter} step no longer leaves its activations and gradients behind (it
 * reuses them, {@link StepArrays}); inference batches and other graphs' outputs still do.
 * {@link #bound()}, called after every step and inference batch, asks for a collection whenever the resident size
 * has grown by {@link #GROWTH} since the last one, so the garbage of a few steps at most is ever resident.
 */
public final class OffHeapMemory {
    /** Growth of the resident size that triggers a collection. */
    static final long GROWTH = 384L << 20;

    private static long next = -1;

    private OffHeapMemory() {
    }

    /** Collects the garbage of past steps if the process has grown by {@link #GROWTH} since the last time. */
    public static synchronized void bound() {
        long resident = Pointer.physicalBytesInaccurate(GROWTH);
        if (next < 0) {
            next = resident + GROWTH;
        } else if (resident > next) {
            System.gc();
            next = Pointer.physicalBytesInaccurate(GROWTH) + GROWTH;
        }
    }
}
