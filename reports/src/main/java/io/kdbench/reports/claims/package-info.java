/**
 * The claims table: each paper claim's paired difference, interval, Holm-adjusted p, minimum detectable effect and
 * verdict, as text, CSV and HTML.
 */
package io.kdbench.reports.claims;
