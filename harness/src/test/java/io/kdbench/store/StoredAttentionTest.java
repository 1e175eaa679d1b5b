package io.kdbench.store;

import io.kdbench.data.Image;
import io.kdbench.data.Prediction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class StoredAttentionTest {
    @TempDir
    Path dir;

    @Test
    void keepsTheFirstFourMapsThroughTheStore() throws IOException {
        List<Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            predictions.add(new Prediction("c" + i, new double[] {0.5, 0.5}, null,
                    Image.of2d(new float[] {i, 0.25f, 0.5f, 1}, 1, 2, 2)));
        }
        CellRecord base = ResultsStoreTest.cell(1, 0.5);
        CellRecord cell = new CellRecord(base.schema(), base.hash(), base.status(), base.reason(), base.failedEpoch(),
                base.spec(), base.provenance(), base.trainSeconds(), base.inferenceSeconds(), base.parameterCount(),
                false, base.role(), base.learning(), base.metrics(), base.curves(), Map.of(StoredAttention.KEY, StoredAttention.of(predictions)),
                base.probabilities(), "");
        assertEquals(4, StoredAttention.read(cell).size(), "readable before it is stored, too");
        ResultsStore store = new ResultsStore(dir);
        store.write(cell);
        List<StoredAttention.Map2d> maps = StoredAttention.read(store.find(cell.hash()).orElseThrow());
        assertEquals(4, maps.size());
        assertEquals("c3", maps.get(3).caseId());
        assertEquals(2, maps.get(3).height());
        assertArrayEquals(new float[] {3, 0.25f, 0.5f, 1}, maps.get(3).values());
    }
}
