/**
 * Running a grid: the cells of an experiment, computed here (jobs at a time) or by a cluster executor, each
 * claimed, computed, judged and stored as it finishes; recomputation of stored cells for verify; progress.
 */
package io.kdbench.run;
