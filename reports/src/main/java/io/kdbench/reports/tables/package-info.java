/**
 * Tables of the report: leaderboard tables in Markdown and LaTeX and the tidy CSV tables.
 */
package io.kdbench.reports.tables;
