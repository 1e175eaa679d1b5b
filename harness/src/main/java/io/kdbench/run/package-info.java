/**
 * Running a grid: the cells of an experiment, computed here (jobs at a time) or by a cluster executor, each
 * claimed, computed, judged and stored as it finishes; recomputation of stored cells for verify; progress reported
 * to a {@link io.kdbench.run.GridProgress} (the CLI draws the bar).
 */
package io.kdbench.run;
