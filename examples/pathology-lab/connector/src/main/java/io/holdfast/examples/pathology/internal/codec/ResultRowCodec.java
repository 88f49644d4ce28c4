package io.holdfast.examples.pathology.internal.codec;

import static io.holdfast.examples.pathology.internal.codec.ResultColumns.*;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidNhsNumberException;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.LabResult;
import io.holdfast.api.event.Observation;
import io.holdfast.api.event.ResultStatus;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.Gender;
import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.SensitivityFlag;
import io.holdfast.api.spi.Codec;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of the lab's results feed to one canonical {@link LabResult}. The natural key is the lab
 * accession number (the filler order number, under the lab's assigning authority) plus the test code,
 * so a re-sent row is a DUPLICATE and a corrected one (same accession and test, new value or status) an
 * AMENDMENT. Each mapped cell is recorded in the {@link FieldTrail} (source path = column name). Never
 * throws for bad input: a row that cannot be mapped is {@link DecodeResult.Rejected} with its row number
 * and a reason that quotes no patient data. Inbound only.
 */
public final class ResultRowCodec implements Codec<LabCsvRow> {
    /** The feed's wire format (family and version) in envelopes and the journal. */
    public static final WireFormat FORMAT = new WireFormat("PATHOLOGY_CSV", "1");
    public static final String MALFORMED_ROW = "MALFORMED_ROW";
    private static final String STATUSES = "preliminary, final, corrected, cancelled, entered-in-error, registered (or P, F, C, X, W, I)";

    private final String accessionAuthority;
    private final LabTimes times;

    /**
     * @param accessionAuthority assigning authority of the lab's accession numbers (part of every key: never change it
     *                           once results have flowed, or re-sent results become new ones)
     */
    public ResultRowCodec(String accessionAuthority, java.time.ZoneId zone) {
        this.accessionAuthority = accessionAuthority;
        this.times = new LabTimes(zone);
    }

    @Override
    public WireFormat format() {
        return FORMAT;
    }

    @Override
    public DecodeResult decode(LabCsvRow row, Envelope envelope, FieldTrail trail) {
        if (row.problem().isPresent()) {
            return DecodeResult.rejected(MALFORMED_ROW, "row " + row.number() + " " + row.problem().get());
        }
        try {
            return DecodeResult.decoded(result(row, trail));
        } catch (RowProblem p) {
            return DecodeResult.rejected(p.code(), "row " + row.number() + ": " + p.getMessage());
        } catch (HoldfastException e) {
            return DecodeResult.rejected(e.errorCode().name(), "row " + row.number() + ": " + e.getMessage());
        }
    }

    private LabResult result(LabCsvRow row, FieldTrail trail) {
        String accession = required(row, ACCESSION_NUMBER);
        if (!accession.matches("[A-Za-z0-9][A-Za-z0-9/._-]{0,63}")) {
            throw new RowProblem(RowProblem.INVALID_VALUE, "column 'accession_number' must be 1-64 letters, digits, '/', '.', '_' or '-'");
        }
        trail.inbound(ACCESSION_NUMBER, "result.fillerOrderNumber.value", accession);
        String testCode = required(row, TEST_CODE);
        trail.inbound(TEST_CODE, "result.testCode", testCode);
        trail.inbound(TEST_CODE_SYSTEM, "result.testCodeSystem", row.cell(TEST_CODE_SYSTEM));
        trail.inbound(TEST_NAME, "result.testName", row.cell(TEST_NAME));
        ResultStatus status = status(required(row, STATUS));
        trail.inbound(STATUS, "result.status", row.cell(STATUS));
        var observedAt = times.instant(row, OBSERVED_AT).orElseThrow(() -> missing(OBSERVED_AT));
        trail.inbound(OBSERVED_AT, "result.observedAt", row.cell(OBSERVED_AT));
        var reportedAt = times.instant(row, REPORTED_AT);
        trail.inbound(REPORTED_AT, "event.occurredAt", row.cell(REPORTED_AT));
        Observation observation = observation(row, testCode, status, trail);
        return new LabResult(patient(row, trail), Identifier.local(accessionAuthority, accession), Optional.empty(), testCode,
                row.cell(TEST_CODE_SYSTEM), row.cell(TEST_NAME), List.of(observation), status, Optional.of(observedAt),
                Optional.of(reportedAt.orElse(observedAt)));
    }

    private static Observation observation(LabCsvRow row, String testCode, ResultStatus status, FieldTrail trail) {
        String value = row.cell(VALUE);
        if (value.isEmpty() && status != ResultStatus.CANCELLED && status != ResultStatus.ENTERED_IN_ERROR) {
            throw missing(VALUE);
        }
        trail.inbound(VALUE, "result.observations[0].value", value);
        trail.inbound(UNITS, "result.observations[0].unit", row.cell(UNITS));
        trail.inbound(REFERENCE_RANGE, "result.observations[0].referenceRange", row.cell(REFERENCE_RANGE));
        String flag = row.cell(ABNORMAL_FLAG);
        if (flag.length() > 5) {
            throw new RowProblem(RowProblem.INVALID_VALUE, "column 'abnormal_flag' is longer than 5 characters (e.g. L, H, LL, HH, N, A)");
        }
        trail.inbound(ABNORMAL_FLAG, "result.observations[0].abnormalFlag", flag);
        return new Observation(testCode, row.cell(TEST_CODE_SYSTEM), row.cell(TEST_NAME), value, numeric(value) ? "NM" : "ST",
                optional(row.cell(UNITS)), optional(row.cell(REFERENCE_RANGE)), optional(flag), status);
    }

    private static Patient patient(LabCsvRow row, FieldTrail trail) {
        NhsNumber nhs;
        try {
            nhs = NhsNumber.parse(required(row, NHS_NUMBER));
        } catch (InvalidNhsNumberException e) {
            // the exception's text never echoes the number
            throw new RowProblem(RowProblem.INVALID_NHS_NUMBER, "column 'nhs_number': " + e.getMessage());
        }
        trail.inbound(NHS_NUMBER, "patient.nhsNumber", nhs.value());
        String family = row.cell(FAMILY_NAME);
        String given = row.cell(GIVEN_NAME);
        trail.inbound(FAMILY_NAME, "patient.names[0].family", family);
        trail.inbound(GIVEN_NAME, "patient.names[0].given[0]", given);
        List<HumanName> names = family.isEmpty() && given.isEmpty() ? List.of()
                : List.of(new HumanName(family, given.isEmpty() ? List.of() : List.of(given), Optional.empty(), Optional.of("official")));
        Optional<LocalDate> birth = birthDate(row);
        trail.inbound(BIRTH_DATE, "patient.birthDate", birth.map(LocalDate::toString).orElse(""));
        return new Patient(List.of(Identifier.of(nhs)), names, birth, Gender.UNKNOWN, List.of(), List.of(), Optional.empty(),
                SensitivityFlag.U);
    }

    private static Optional<LocalDate> birthDate(LabCsvRow row) {
        String text = row.cell(BIRTH_DATE);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new RowProblem(RowProblem.INVALID_VALUE, "column 'birth_date' is not an ISO date (yyyy-mm-dd)");
        }
    }

    /** The lab's status words (or HL7 table 0085 letters) to canonical. */
    static ResultStatus status(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "preliminary", "p" -> ResultStatus.PRELIMINARY;
            case "final", "f" -> ResultStatus.FINAL;
            case "corrected", "c" -> ResultStatus.CORRECTED;
            case "cancelled", "x" -> ResultStatus.CANCELLED;
            case "entered-in-error", "w" -> ResultStatus.ENTERED_IN_ERROR;
            case "registered", "i" -> ResultStatus.REGISTERED;
            // status values are codes, never patient data, so the value is named
            default -> throw new RowProblem(RowProblem.INVALID_VALUE, "column 'status' is '" + text + "'; allowed: " + STATUSES);
        };
    }

    private static String required(LabCsvRow row, String column) {
        String v = row.cell(column);
        if (v.isEmpty()) {
            throw missing(column);
        }
        return v;
    }

    private static RowProblem missing(String column) {
        return new RowProblem(RowProblem.MISSING_FIELD, "column '" + column + "' is empty");
    }

    private static boolean numeric(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Optional<String> optional(String v) {
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** The feed is inbound only: nothing is ever sent to the lab. */
    @Override
    public LabCsvRow encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
        throw new HoldfastException(ErrorCode.INVALID_EVENT, "the pathology lab results feed is inbound only; "
                + event.type() + " cannot be sent to it. Route results from it, not to it");
    }
}
