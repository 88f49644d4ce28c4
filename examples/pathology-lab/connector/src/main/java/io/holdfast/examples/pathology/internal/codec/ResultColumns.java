package io.holdfast.examples.pathology.internal.codec;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The columns of the lab's results feed. The header row names them (any order, case-insensitive);
 * columns the connector does not know are ignored, so the lab may add some without breaking it.
 */
public final class ResultColumns {
    public static final String ACCESSION_NUMBER = "accession_number";
    public static final String NHS_NUMBER = "nhs_number";
    public static final String FAMILY_NAME = "family_name";
    public static final String GIVEN_NAME = "given_name";
    public static final String BIRTH_DATE = "birth_date";
    public static final String TEST_CODE = "test_code";
    public static final String TEST_CODE_SYSTEM = "test_code_system";
    public static final String TEST_NAME = "test_name";
    public static final String VALUE = "value";
    public static final String UNITS = "units";
    public static final String REFERENCE_RANGE = "reference_range";
    public static final String ABNORMAL_FLAG = "abnormal_flag";
    public static final String STATUS = "status";
    public static final String OBSERVED_AT = "observed_at";
    public static final String REPORTED_AT = "reported_at";

    /** Without these a row cannot become a result. */
    public static final List<String> REQUIRED = List.of(ACCESSION_NUMBER, NHS_NUMBER, TEST_CODE, VALUE, STATUS, OBSERVED_AT);

    private ResultColumns() {
    }

    /**
     * Reads a page: the header record, then one {@link LabCsvRow} per data record (malformed ones, and
     * ones with more or fewer fields than the header, carry their problem).
     *
     * @return the rows, or the header's problem (missing required columns, a column named twice, no header)
     */
    public static Page page(List<CsvRecord> records) {
        if (records.isEmpty()) {
            return new Page(List.of(), Optional.empty());
        }
        CsvRecord header = records.get(0);
        Optional<String> headerProblem = headerProblem(header);
        if (headerProblem.isPresent()) {
            return new Page(List.of(), headerProblem);
        }
        List<String> names = header.fields().stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
        return new Page(records.subList(1, records.size()).stream().map(r -> row(header.raw(), names, r)).toList(), Optional.empty());
    }

    /** The data rows of a page, or why the page as a whole cannot be read. */
    public record Page(List<LabCsvRow> rows, Optional<String> headerProblem) {
    }

    private static Optional<String> headerProblem(CsvRecord header) {
        if (header.malformed()) {
            return Optional.of("the header row is malformed: " + header.problem().get());
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String name : header.fields()) {
            if (!seen.add(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of("the header names column '" + name.trim() + "' twice");
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !seen.contains(c)).toList();
        return missing.isEmpty() ? Optional.empty() : Optional.of("the header lacks required columns " + missing + "; it has " + seen);
    }

    private static LabCsvRow row(String headerLine, List<String> names, CsvRecord record) {
        if (record.malformed()) {
            return new LabCsvRow(record.number(), Map.of(), headerLine, record.raw(), record.problem());
        }
        if (record.fields().size() != names.size()) {
            return new LabCsvRow(record.number(), Map.of(), headerLine, record.raw(),
                    Optional.of("has " + record.fields().size() + " fields, the header has " + names.size()));
        }
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            cells.put(names.get(i), record.fields().get(i));
        }
        return new LabCsvRow(record.number(), cells, headerLine, record.raw(), Optional.empty());
    }
}
