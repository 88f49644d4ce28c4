package io.holdfast.examples.pathology.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.EventKey;
import io.holdfast.api.event.LabResult;
import io.holdfast.api.event.ResultStatus;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldMapping;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.NhsNumber;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResultRowCodecTest {
    private final ResultRowCodec codec = new ResultRowCodec("city-lab", ZoneId.of("Europe/London"));
    private final Envelope envelope = Envelope.of("m1", "city-lab", "pathology:city", ResultRowCodec.FORMAT);

    @Test
    void mapsARowToALabResultAndRecordsEachField() {
        FieldTrail trail = new FieldTrail();
        LabResult r = decoded(LabRows.row(1, LabRows.potassium()), trail);
        assertThat(r.patient().nhsNumber()).contains(NhsNumber.parse("9434765919"));
        assertThat(r.patient().names().get(0).family()).isEqualTo("SMITH");
        assertThat(r.patient().birthDate()).hasValueSatisfying(d -> assertThat(d).hasToString("1970-01-01"));
        assertThat(r.fillerOrderNumber().system()).isEqualTo("urn:holdfast:local:city-lab");
        assertThat(r.fillerOrderNumber().value()).isEqualTo("L26000123");
        assertThat(r.testCode()).isEqualTo("1000651000000109");
        assertThat(r.status()).isEqualTo(ResultStatus.FINAL);
        assertThat(r.observedAt()).contains(Instant.parse("2026-12-01T09:30:00Z"));
        assertThat(r.occurredAt()).contains(Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(r.observations()).singleElement().satisfies(o -> {
            assertThat(o.value()).isEqualTo("4.4");
            assertThat(o.valueType()).isEqualTo("NM");
            assertThat(o.unit()).contains("mmol/L");
            assertThat(o.referenceRange()).contains("3.5-5.3");
            assertThat(o.abnormalFlag()).contains("N");
        });
        assertThat(trail.mappings()).extracting(FieldMapping::sourcePath, FieldMapping::canonicalPath).contains(
                org.assertj.core.groups.Tuple.tuple("accession_number", "result.fillerOrderNumber.value"),
                org.assertj.core.groups.Tuple.tuple("nhs_number", "patient.nhsNumber"),
                org.assertj.core.groups.Tuple.tuple("value", "result.observations[0].value"),
                org.assertj.core.groups.Tuple.tuple("status", "result.status"));
    }

    @Test
    void theKeyIsAccessionNumberAndTestCodeUnderTheLabsAuthority() {
        LabResult r = decoded(LabRows.row(1, LabRows.potassium()), new FieldTrail());
        assertThat(r.key()).isEqualTo(new EventKey("LabResult", "urn:holdfast:local:city-lab", "L26000123|1000651000000109"));
        LabResult otherTest = decoded(LabRows.with("test_code", "1000661000000107"), new FieldTrail());
        assertThat(otherTest.key()).isNotEqualTo(r.key());
        LabResult otherLab = (LabResult) ((DecodeResult.Decoded) new ResultRowCodec("other-lab", ZoneId.of("UTC"))
                .decode(LabRows.row(1, LabRows.potassium()), envelope, new FieldTrail())).events().get(0);
        assertThat(otherLab.key()).isNotEqualTo(r.key());
    }

    @Test
    void aResentRowIsTheSameContentACorrectionTheSameKeyWithNewContent() {
        LabResult first = decoded(LabRows.row(1, LabRows.potassium()), new FieldTrail());
        LabResult resentLater = decoded(LabRows.with("reported_at", "2026-12-02T08:00:00Z"), new FieldTrail());
        Map<String, String> corrected = LabRows.potassium();
        corrected.put("value", "5.9");
        corrected.put("status", "corrected");
        LabResult correction = decoded(LabRows.row(1, corrected), new FieldTrail());

        assertThat(resentLater.digest()).isEqualTo(first.digest());
        assertThat(correction.key()).isEqualTo(first.key());
        assertThat(correction.digest()).isNotEqualTo(first.digest());
        assertThat(correction.status()).isEqualTo(ResultStatus.CORRECTED);
    }

    @Test
    void localTimesAreInTheLabsZoneAndTextValuesAreStrings() {
        LabResult r = decoded(LabRows.with("observed_at", "2026-07-01T09:30:00"), new FieldTrail());
        assertThat(r.observedAt()).contains(Instant.parse("2026-07-01T08:30:00Z"));
        assertThat(decoded(LabRows.with("value", "Not detected"), new FieldTrail()).observations().get(0).valueType()).isEqualTo("ST");
    }

    @ParameterizedTest
    @CsvSource({
        "nhs_number, 9434765918, INVALID_NHS_NUMBER, Modulus 11",
        "nhs_number, '', MISSING_FIELD, column 'nhs_number' is empty",
        "value, '', MISSING_FIELD, column 'value' is empty",
        "status, pending, INVALID_VALUE, column 'status' is 'pending'; allowed: preliminary",
        "observed_at, yesterday, INVALID_VALUE, column 'observed_at' is not an ISO-8601 date-time",
        "birth_date, 01/01/1970, INVALID_VALUE, column 'birth_date' is not an ISO date",
        "accession_number, 'L 1', INVALID_VALUE, column 'accession_number' must be",
        "abnormal_flag, HIGHHIGH, INVALID_VALUE, column 'abnormal_flag' is longer than 5",
    })
    void rejectsABadCellWithTheRowNumberAndNeverEchoesPatientData(String column, String value, String code, String reason) {
        Map<String, String> cells = LabRows.potassium();
        cells.put(column, value);
        DecodeResult result = codec.decode(LabRows.row(7, cells), envelope, new FieldTrail());
        assertThat(result).isInstanceOfSatisfying(DecodeResult.Rejected.class, r -> {
            assertThat(r.code()).isEqualTo(code);
            assertThat(r.reason()).startsWith("row 7: ").contains(reason);
            if (column.equals("nhs_number") || column.equals("birth_date")) {
                assertThat(r.reason()).doesNotContain(value.isEmpty() ? "\u0000" : value);
            }
        });
    }

    @Test
    void aCancelledResultNeedsNoValue() {
        Map<String, String> cells = LabRows.potassium();
        cells.put("value", "");
        cells.put("status", "cancelled");
        assertThat(decoded(LabRows.row(1, cells), new FieldTrail()).status()).isEqualTo(ResultStatus.CANCELLED);
    }

    @Test
    void malformedRowsAndRowsOfTheWrongWidthAreRejectedWithTheirNumber() {
        ResultColumns.Page page = ResultColumns.page(LabRows.page(
                "L1,9434765919,A,B,1970-01-01,T1,s,n,1,u,r,N,final,2026-12-01T09:30:00Z,",
                "L2,9434765919,\"unterminated",
                "L3,9434765919,too,few"));
        assertThat(page.headerProblem()).isEmpty();
        assertThat(page.rows()).hasSize(3);
        assertThat(codec.decode(page.rows().get(0), envelope, new FieldTrail())).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(codec.decode(page.rows().get(1), envelope, new FieldTrail())).isEqualTo(
                DecodeResult.rejected("MALFORMED_ROW", "row 2 unterminated quoted field in column 3"));
        assertThat(codec.decode(page.rows().get(2), envelope, new FieldTrail())).isEqualTo(
                DecodeResult.rejected("MALFORMED_ROW", "row 3 has 4 fields, the header has 15"));
        assertThat(page.rows().get(1).payload()).asString().isEqualTo(LabRows.HEADER + "\r\nL2,9434765919,\"unterminated\r\n");
    }

    @Test
    void aHeaderWithoutRequiredColumnsOrWithAColumnTwiceMakesThePageUnreadable() {
        assertThat(ResultColumns.page(CsvReader.read("accession_number,nhs_number\r\nL1,9434765919\r\n")).headerProblem())
                .hasValueSatisfying(p -> assertThat(p).contains("lacks required columns [test_code, value, status, observed_at]"));
        assertThat(ResultColumns.page(CsvReader.read(LabRows.HEADER + ",VALUE\r\n")).headerProblem())
                .hasValue("the header names column 'VALUE' twice");
    }

    @Test
    void columnsMayComeInAnyOrderAndUnknownOnesAreIgnored() {
        ResultColumns.Page page = ResultColumns.page(CsvReader.read(
                "Status,Value,Test_Code,Observed_At,NHS_Number,Accession_Number,lab_bench\r\nfinal,4.4,T1,2026-12-01T09:30:00Z,9434765919,L1,B7\r\n"));
        LabResult r = decoded(page.rows().get(0), new FieldTrail());
        assertThat(r.testCode()).isEqualTo("T1");
        assertThat(r.patient().names()).isEmpty();
    }

    @Test
    void encodingIsRefusedTheFeedIsInboundOnly() {
        LabResult r = decoded(LabRows.row(1, LabRows.potassium()), new FieldTrail());
        assertThatThrownBy(() -> codec.encode(r, ResultRowCodec.FORMAT, new FieldTrail())).isInstanceOf(HoldfastException.class)
                .hasMessageContaining("inbound only");
    }

    private LabResult decoded(LabCsvRow row, FieldTrail trail) {
        DecodeResult result = codec.decode(row, envelope, trail);
        assertThat(result).isInstanceOf(DecodeResult.Decoded.class);
        return (LabResult) ((DecodeResult.Decoded) result).events().get(0);
    }
}
