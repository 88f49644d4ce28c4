package io.holdfast.examples.pathology.simulator;

import java.util.Objects;

/**
 * One test result as the lab publishes it: one CSV row of the results feed. Values are the lab's text,
 * written out as given (the simulator does not check them, so tests can publish wrong ones).
 */
public record LabResultRow(String accessionNumber, String nhsNumber, String familyName, String givenName, String birthDate,
                           String testCode, String testCodeSystem, String testName, String value, String units,
                           String referenceRange, String abnormalFlag, String status, String observedAt, String reportedAt) {

    /** The feed's columns, in the order the lab writes them. */
    public static final String[] COLUMNS = {"accession_number", "nhs_number", "family_name", "given_name", "birth_date", "test_code",
        "test_code_system", "test_name", "value", "units", "reference_range", "abnormal_flag", "status", "observed_at", "reported_at"};

    public LabResultRow {
        Objects.requireNonNull(accessionNumber, "accessionNumber");
        Objects.requireNonNull(testCode, "testCode");
    }

    /** A final result with the usual fields filled. */
    public static LabResultRow result(String accession, String nhsNumber, String testCode, String testName, String value, String units) {
        return new LabResultRow(accession, nhsNumber, "SMITH", "Jane", "1970-01-01", testCode, "http://snomed.info/sct", testName, value,
                units, "", "", "final", "2026-12-01T09:30:00Z", "2026-12-01T10:00:00Z");
    }

    /** The same result, corrected: new value, status {@code corrected}, reported later. */
    public LabResultRow corrected(String newValue, String newReportedAt) {
        return new LabResultRow(accessionNumber, nhsNumber, familyName, givenName, birthDate, testCode, testCodeSystem, testName, newValue,
                units, referenceRange, abnormalFlag, "corrected", observedAt, newReportedAt);
    }

    public LabResultRow withStatus(String newStatus) {
        return new LabResultRow(accessionNumber, nhsNumber, familyName, givenName, birthDate, testCode, testCodeSystem, testName, value,
                units, referenceRange, abnormalFlag, newStatus, observedAt, reportedAt);
    }

    public LabResultRow withNames(String family, String given) {
        return new LabResultRow(accessionNumber, nhsNumber, family, given, birthDate, testCode, testCodeSystem, testName, value, units,
                referenceRange, abnormalFlag, status, observedAt, reportedAt);
    }

    public LabResultRow withRange(String range, String flag) {
        return new LabResultRow(accessionNumber, nhsNumber, familyName, givenName, birthDate, testCode, testCodeSystem, testName, value,
                units, range, flag, status, observedAt, reportedAt);
    }

    String[] cells() {
        return new String[] {accessionNumber, nhsNumber, familyName, givenName, birthDate, testCode, testCodeSystem, testName, value,
            units, referenceRange, abnormalFlag, status, observedAt, reportedAt};
    }
}
