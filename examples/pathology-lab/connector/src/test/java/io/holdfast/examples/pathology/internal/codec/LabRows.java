package io.holdfast.examples.pathology.internal.codec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rows as the lab's feed has them, for the codec tests: every column, with values a test overrides. */
final class LabRows {
    static final String HEADER = "accession_number,nhs_number,family_name,given_name,birth_date,test_code,test_code_system,test_name,"
            + "value,units,reference_range,abnormal_flag,status,observed_at,reported_at";

    private LabRows() {
    }

    static Map<String, String> potassium() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("accession_number", "L26000123");
        m.put("nhs_number", "9434765919");
        m.put("family_name", "SMITH");
        m.put("given_name", "Jane");
        m.put("birth_date", "1970-01-01");
        m.put("test_code", "1000651000000109");
        m.put("test_code_system", "http://snomed.info/sct");
        m.put("test_name", "Serum potassium");
        m.put("value", "4.4");
        m.put("units", "mmol/L");
        m.put("reference_range", "3.5-5.3");
        m.put("abnormal_flag", "N");
        m.put("status", "final");
        m.put("observed_at", "2026-12-01T09:30:00Z");
        m.put("reported_at", "2026-12-01T10:00:00Z");
        return m;
    }

    static LabCsvRow row(int number, Map<String, String> cells) {
        return new LabCsvRow(number, cells, HEADER, String.join(",", cells.values()), java.util.Optional.empty());
    }

    static LabCsvRow with(String column, String value) {
        Map<String, String> m = potassium();
        m.put(column, value);
        return row(1, m);
    }

    static List<CsvRecord> page(String... lines) {
        return CsvReader.read(HEADER + "\r\n" + String.join("\r\n", lines) + "\r\n");
    }
}
