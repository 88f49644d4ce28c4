package io.holdfast.examples.pathology.internal.codec;

import java.util.Map;
import java.util.Optional;

/**
 * One data row of a results page, the wire form the codec decodes: its row number (1 = first row after
 * the header), its cells by lower-case column name, the raw text of the header and the row (together
 * they are the journal payload: a self-describing one-row CSV), and why it could not be read as a row.
 */
public record LabCsvRow(int number, Map<String, String> cells, String headerLine, String rawLine, Optional<String> problem) {
    public LabCsvRow {
        cells = Map.copyOf(cells);
        problem = problem == null ? Optional.empty() : problem;
    }

    /** The cell, trimmed; empty when the column is absent or blank. */
    public String cell(String column) {
        String v = cells.get(column);
        return v == null ? "" : v.trim();
    }

    /** Header and row, CRLF-terminated, as stored in the journal. */
    public byte[] payload() {
        return (headerLine + "\r\n" + rawLine + "\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "LabCsvRow[" + number + problem.map(p -> ", " + p).orElse("") + "]";
    }
}
