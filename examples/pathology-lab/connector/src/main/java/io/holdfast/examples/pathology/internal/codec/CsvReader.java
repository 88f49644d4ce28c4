package io.holdfast.examples.pathology.internal.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads RFC 4180 CSV: fields separated by commas, records by CRLF (a bare LF is accepted too), a field
 * in double quotes may hold commas, quotes (doubled) and line breaks. A malformed record (a quote inside
 * an unquoted field, text after a closing quote, an unterminated quote) is returned with its problem and
 * its raw text, and reading resumes at the next line, so one bad row never hides the rows after it.
 * Blank lines are skipped. Written by hand to keep the connector free of a CSV library.
 */
public final class CsvReader {
    private final String text;
    private int pos;

    private CsvReader(String text) {
        this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Every record of {@code text}, the first (number 0) being the header. */
    public static List<CsvRecord> read(String text) {
        CsvReader reader = new CsvReader(text);
        List<CsvRecord> records = new ArrayList<>();
        while (reader.skipBlankLines()) {
            records.add(reader.next(records.size()));
        }
        return records;
    }

    private boolean skipBlankLines() {
        while (pos < text.length()) {
            int lineEnd = lineEnd(pos);
            if (!text.substring(pos, lineEnd).isBlank()) {
                return true;
            }
            pos = afterLineBreak(lineEnd);
        }
        return false;
    }

    private CsvRecord next(int number) {
        int start = pos;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean closed = false;
        while (true) {
            if (pos >= text.length()) {
                if (quoted && !closed) {
                    // Never closed: only the line it started on is the bad record; the lines it swallowed are read again.
                    return malformed(number, start, lineEnd(start), "unterminated quoted field in column " + (fields.size() + 1));
                }
                fields.add(field.toString());
                return new CsvRecord(number, text.substring(start), fields, Optional.empty());
            }
            char c = text.charAt(pos);
            if (quoted && !closed) {
                if (c == '"' && pos + 1 < text.length() && text.charAt(pos + 1) == '"') {
                    field.append('"');
                    pos += 2;
                } else if (c == '"') {
                    closed = true;
                    pos++;
                } else {
                    field.append(c);
                    pos++;
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quoted = false;
                closed = false;
                pos++;
            } else if (c == '\r' || c == '\n') {
                fields.add(field.toString());
                String raw = text.substring(start, pos);
                pos = afterLineBreak(pos);
                return new CsvRecord(number, raw, fields, Optional.empty());
            } else if (closed) {
                return malformed(number, start, lineEnd(pos), "text after the closing quote in column " + (fields.size() + 1));
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                pos++;
            } else if (c == '"') {
                return malformed(number, start, lineEnd(pos), "quote inside an unquoted field in column " + (fields.size() + 1));
            } else {
                field.append(c);
                pos++;
            }
        }
    }

    private CsvRecord malformed(int number, int start, int end, String problem) {
        pos = afterLineBreak(end);
        return new CsvRecord(number, text.substring(start, end), List.of(), Optional.of(problem));
    }

    private int lineEnd(int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\r' && text.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    private int afterLineBreak(int at) {
        if (at < text.length() && text.charAt(at) == '\r') {
            at++;
        }
        if (at < text.length() && text.charAt(at) == '\n') {
            at++;
        }
        return at;
    }
}
