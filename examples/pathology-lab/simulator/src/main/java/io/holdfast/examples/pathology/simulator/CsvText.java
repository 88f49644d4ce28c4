package io.holdfast.examples.pathology.simulator;

/**
 * RFC 4180 output as the lab writes it: CRLF line ends, a field quoted when it holds a comma, a quote,
 * CR or LF, quotes doubled inside.
 */
final class CsvText {
    static final String CRLF = "\r\n";

    private CsvText() {
    }

    static String line(String... cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quoted(cells[i] == null ? "" : cells[i]));
        }
        return sb.append(CRLF).toString();
    }

    static String quoted(String cell) {
        boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\r') >= 0 || cell.indexOf('\n') >= 0;
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    static String header() {
        return line(LabResultRow.COLUMNS);
    }
}
