/**
 * The regression gate: a candidate's rows against a baseline store, with paired tests and margins, and the verdict
 * text and exit code.
 */
package io.kdbench.reports.gate;
