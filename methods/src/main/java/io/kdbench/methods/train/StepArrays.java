package io.kdbench.methods.train;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.SessionMemMgr;
import org.nd4j.autodiff.samediff.internal.memory.AbstractMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The op output arrays of a training step, reused by the next step. SameDiff 1.0.0-M2.1 computes gradients with
 * array release switched off ({@code calculateGradientsAndOutputs} sets {@code enableCache(false)} on the gradient
 * function), so every activation and gradient of a step (about 460 MB for the paper-size ViT) stays allocated until
 * the Java collector finds its array unreachable, and glibc keeps most of what is then freed: the process grew to
 * 3.6 GB. Installed as the memory manager of the gradient function's session for the length of a step
 * ({@link #during}), this hands out the arrays of the previous step again, by data type and shape, and allocates only
 * what they cannot cover; {@link #recycle()} after the step (when its loss and gradients have been read) takes back
 * every array of the step. Within a step nothing is reused, exactly as without it, so a step computes the same bits;
 * the arrays are created as SameDiff's default manager creates them (uninitialised, C order, detached). Arrays
 * not handed out again for a whole step (a shape that stopped occurring) are freed at once.
 */
final class StepArrays extends AbstractMemoryMgr {
    /** Arrays handed out during the current step, with the key they were allocated under. */
    private final Map<INDArray, String> out = new IdentityHashMap<>();
    /** Arrays of earlier steps, free to be handed out again, by key. */
    private final Map<String, ArrayDeque<INDArray>> free = new HashMap<>();

    /**
     * Runs {@code step} with this manager for the current thread's session of {@code graph} (created if the thread has
     * none yet), restoring the session's own manager afterwards.
     */
    <T> T during(SameDiff graph, java.util.function.Supplier<T> step) {
        InferenceSession session = graph.getSessions().computeIfAbsent(Thread.currentThread().getId(),
                id -> SameDiff.getInferenceFactory().create(graph));
        SessionMemMgr own = session.getMmgr();
        session.setMmgr(this);
        try {
            return step.get();
        } finally {
            session.setMmgr(own);
        }
    }

    @Override
    public INDArray allocate(boolean detached, DataType dataType, long... shape) {
        String key = dataType + Arrays.toString(shape);
        ArrayDeque<INDArray> reusable = free.get(key);
        INDArray array = reusable == null ? null : reusable.poll();
        if (array == null) {
            array = Nd4j.createUninitializedDetached(dataType, shape);
        }
        out.put(array, key);
        return array;
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor descriptor) {
        if (descriptor.isEmpty()) {
            INDArray empty = Nd4j.create(descriptor);
            return detached ? empty.detach() : empty;
        }
        return allocate(detached, descriptor.dataType(), descriptor.getShape());
    }

    /** Not called while SameDiff computes gradients (release is off there); kept until {@link #recycle()} anyway. */
    @Override
    public void release(INDArray array) {
    }

    /**
     * Takes back every array handed out since the last call, for the next step; frees those of earlier steps that
     * this step did not use. Call only when nothing reads the step's outputs any more.
     */
    void recycle() {
        for (ArrayDeque<INDArray> unused : free.values()) {
            for (INDArray array : unused) {
                close(array);
            }
        }
        free.clear();
        for (Map.Entry<INDArray, String> e : out.entrySet()) {
            INDArray array = e.getKey();
            if (array.wasClosed() || array.isView() || array.ordering() != 'c'
                    || !e.getValue().equals(array.dataType() + Arrays.toString(array.shape()))) {
                continue; // changed since it was handed out: left to the collector
            }
            free.computeIfAbsent(e.getValue(), k -> new ArrayDeque<>()).add(array);
        }
        out.clear();
    }

    @Override
    public void close() {
        recycle();
        recycle();
    }

    private static void close(INDArray array) {
        if (array.closeable() && !array.wasClosed()) {
            array.close();
        }
    }
}
