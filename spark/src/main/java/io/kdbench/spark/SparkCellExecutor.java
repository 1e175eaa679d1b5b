package io.kdbench.spark;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kdbench.run.CellExecutor;
import io.kdbench.run.CellRunner;
import io.kdbench.run.GridCell;
import io.kdbench.store.CellRecord;
import io.kdbench.store.Json;
import io.kdbench.store.ResultsStore;
import org.apache.spark.api.java.JavaSparkContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes each claimed cell as a Spark job of one task; the grid runner, on the driver, stores each cell as it
 * comes back. One job per cell, so a cell whose task keeps failing aborts its own job only, and Spark's UI lists
 * the jobs by cell.
 */
final class SparkCellExecutor implements CellExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(SparkCellExecutor.class);

    private final JavaSparkContext spark;
    private final CellRunner cells;
    private final int slots;
    /** Cells computed and not yet stored, as their executors wrote them. */
    private final Map<String, ObjectNode> documents = new ConcurrentHashMap<>();

    SparkCellExecutor(JavaSparkContext spark, CellRunner cells, int slots) {
        this.spark = spark;
        this.cells = cells;
        this.slots = slots;
    }

    @Override
    public int slots() {
        return slots;
    }

    @Override
    public CellRecord compute(GridCell cell, int retries) throws IOException {
        String start = Instant.now().toString();
        CellTask task = new CellTask(cell.hash(), cell.spec(), retries, cells.environment(), cells.command());
        spark.setJobDescription(cell.spec().describeCell()); // per driver thread: names this cell's job in the UI
        byte[] json;
        try {
            json = spark.parallelize(List.of(task), 1).map(CellTask::run).collect().get(0);
        } catch (Exception e) { // SparkException, which Java cannot name in a catch here (Scala declares nothing)
            if (spark.sc().isStopped()) {
                throw new IOException("Spark stopped while computing " + cell.spec().describeCell(), e);
            }
            // Spark's first line says how often the task failed (up to spark.task.maxFailures) and the last reason
            LOG.error("cell {}: Spark gave up on its task", cell.spec().describeCell(), e);
            return cells.failed(cell.hash(), cell.spec(), start, "Spark gave up on the cell's task: "
                    + firstLine(e.getMessage()));
        }
        ObjectNode document = (ObjectNode) Json.MAPPER.readTree(json);
        documents.put(cell.hash(), document);
        return Json.MAPPER.treeToValue(document, CellRecord.class);
    }

    /** Stores the document the executor sent, as it was sent; a cell Spark gave up on is stored as a record. */
    @Override
    public void store(ResultsStore store, CellRecord cell) throws IOException {
        ObjectNode document = documents.remove(cell.hash());
        if (document == null) {
            store.write(cell);
        } else {
            store.write(cell.hash(), document);
        }
    }

    /** Spark's message, without the driver stack trace it appends. */
    static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        return message.lines().findFirst().orElse("").trim();
    }

    @Override
    public void close() {
        spark.stop();
    }
}
