/**
 * Charts of the report (JFreeChart): metric panels, loss curves, cost scatter, client bars, critical-difference
 * diagrams and attention overlays, in PNG, SVG and PDF.
 */
package io.kdbench.reports.charts;
