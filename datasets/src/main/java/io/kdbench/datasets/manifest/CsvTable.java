package io.kdbench.datasets.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file with a header (RFC 4180: comma separated, fields may be double-quoted, a quoted field may hold
 * commas, doubled quotes and line breaks, so free-text reports fit in one cell). Cells are kept as written,
 * without trimming inside quotes; unquoted cells are trimmed. Blank lines are skipped.
 */
public final class CsvTable {

    /** A data row: its 1-based number (header not counted), the file line it starts on, and its cells. */
    public record Row(int number, int line, List<String> cells) {
    }

    private final Path file;
    private final List<String> header;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<Row> rows;

    private CsvTable(Path file, List<String> header, List<Row> rows) {
        this.file = file;
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
        for (int i = 0; i < header.size(); i++) {
            if (columns.put(header.get(i), i) != null) {
                throw new ManifestException(file, "line 1: column '" + header.get(i) + "' appears twice in the header");
            }
        }
    }

    /** Reads a UTF-8 file (a leading byte-order mark is ignored); throws {@link ManifestException} on bad shape. */
    public static CsvTable read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ManifestException(file, "cannot read the manifest: " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        parse(file, text, records, lines);
        if (records.isEmpty()) {
            throw new ManifestException(file, "the manifest is empty; it needs a header line");
        }
        List<String> header = records.get(0);
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            Row row = new Row(r, lines.get(r), records.get(r));
            if (row.cells().size() != header.size()) {
                throw new ManifestException(file, "line " + row.line() + ": row " + r + " has " + row.cells().size()
                        + " cells, the header has " + header.size() + " columns");
            }
            rows.add(row);
        }
        return new CsvTable(file, header, rows);
    }

    private static void parse(Path file, String text, List<List<String>> records, List<Integer> lines) {
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;     // inside quotes
        boolean wasQuoted = false;  // this cell was quoted (so it is not trimmed)
        boolean blank = true;       // nothing on this record yet
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"') {
                if (!cell.toString().isBlank()) {
                    throw new ManifestException(file, "line " + line + ": a quote inside an unquoted cell; quote the "
                            + "whole cell and double the quotes inside it");
                }
                cell.setLength(0);
                quoted = true;
                wasQuoted = true;
                blank = false;
            } else if (ch == ',') {
                record.add(finish(cell, wasQuoted));
                wasQuoted = false;
                blank = false;
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (!blank || !cell.toString().isBlank()) {
                    record.add(finish(cell, wasQuoted));
                    records.add(record);
                    lines.add(recordLine);
                }
                record = new ArrayList<>();
                wasQuoted = false;
                blank = true;
                line++;
                recordLine = line;
            } else {
                cell.append(ch);
                if (!Character.isWhitespace(ch)) {
                    blank = false;
                }
            }
        }
        if (quoted) {
            throw new ManifestException(file, "line " + recordLine + ": a quoted cell is never closed");
        }
        if (!blank || !cell.toString().isBlank()) {
            record.add(finish(cell, wasQuoted));
            records.add(record);
            lines.add(recordLine);
        }
    }

    private static String finish(StringBuilder cell, boolean quoted) {
        String s = quoted ? cell.toString() : cell.toString().trim();
        cell.setLength(0);
        return s;
    }

    public Path file() {
        return file;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The cell of a column in a row, "" if the table has no such column. */
    public String cell(Row row, String column) {
        Integer i = columns.get(column);
        return i == null ? "" : row.cells().get(i);
    }
}
