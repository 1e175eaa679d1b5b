/**
 * What the leaderboard and report show, computed from stored cells: rows with mean and spread, learned verdicts,
 * significance marks, critical differences, metric directions and training extras.
 */
package io.kdbench.reports.model;
