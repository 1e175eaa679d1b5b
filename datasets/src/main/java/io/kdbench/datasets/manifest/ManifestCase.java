package io.kdbench.datasets.manifest;

import io.kdbench.data.Sample;

/**
 * One checked, read and preprocessed manifest row.
 *
 * @param sample the case (client = the site cell, or null)
 * @param split  {@link SplitName} from the split cell, or null when the cell is empty (assigned by seed)
 * @param row    where it came from, for messages
 */
public record ManifestCase(Sample sample, SplitName split, CsvTable.Row row) {
}
