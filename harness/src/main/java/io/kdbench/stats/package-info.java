/**
 * Statistics: summaries and intervals, paired comparisons, Holm's adjustment, claim tests with their minimum
 * detectable effect, Friedman and ranks.
 */
package io.kdbench.stats;
