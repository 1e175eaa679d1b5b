package io.kdbench.datasets.manifest;

import io.kdbench.api.BadDataException;

import java.nio.file.Path;

/**
 * Bad data in a manifest or a file it names. The message names the manifest, the row (1-based, header not
 * counted; the file line beside it, since a quoted report may span lines), the case id and the column, so
 * the user can go straight to the cell. An {@link IllegalArgumentException} ({@link BadDataException}), so the experiment loader
 * reports it against the experiment file line and the CLI exits with 2.
 */
public class ManifestException extends BadDataException {

    public ManifestException(Path manifest, String message) {
        super(manifest + ": " + message);
    }

    public ManifestException(Path manifest, CsvTable.Row row, String id, String column, String message) {
        super(manifest + ":" + row.line() + ": row " + row.number() + (id == null || id.isEmpty() ? "" : " (id " + id + ")")
                + ", column '" + column + "': " + message);
    }
}
