package io.holdfast.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.holdfast.api.kernel.DownstreamSystem;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SystemsExportTest {

    @Test
    void csvHasAHeaderAndQuotesPerRfc4180() throws IOException {
        DownstreamSystem p = Systems.pds();
        DownstreamSystem quoted = new DownstreamSystem(p.id(), "PDS, \"integration\"", p.odsCode(), p.environment(),
                p.transport(), p.format(), p.endpoint(), p.authPattern(), p.credentialRef(), Optional.empty());
        StringWriter out = new StringWriter();
        SystemsExport.CSV.write(List.of(quoted, Systems.epr()), out);
        assertThat(out.toString().split("\r\n")).containsExactly(
                "id,name,ods_code,environment,transport,format,endpoint,auth_pattern,credential_ref,owner_contact",
                "pds-int,\"PDS, \"\"integration\"\"\",X26,int,HTTP,FHIR:R4,"
                        + "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4,OAUTH2_SIGNED_JWT,pds-int,",
                "epr-main,Main EPR ADT feed,RX1,live,MLLP,HL7V2:2.4,mllp://epr.example.nhs.uk:2575,NONE,,");
    }

    @Test
    void csvDefusesFormulas() {
        assertThat(SystemsExport.csvCell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(SystemsExport.csvCell("@sum")).isEqualTo("'@sum");
        assertThat(SystemsExport.csvCell("plain")).isEqualTo("plain");
    }

    @Test
    void jsonIsAnArrayOfObjectsWithNullForAbsentFields() throws IOException {
        StringWriter out = new StringWriter();
        SystemsExport.JSON.write(List.of(Systems.pds(), Systems.epr()), out);
        List<Map<String, String>> rows = parse(out.toString());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("id", "pds-int").containsEntry("format", "FHIR:R4")
                .containsEntry("owner_contact", "Integration team <integration@example.nhs.uk>");
        assertThat(rows.get(1)).containsEntry("credential_ref", null).containsEntry("auth_pattern", "NONE");
        assertThat(rows.get(1).keySet()).containsExactlyElementsOf(SystemsExport.COLUMNS);
    }

    @Test
    void unknownFormatListsTheAllowedOnes() {
        assertThat(SystemsExport.named(" Json ")).isEqualTo(SystemsExport.JSON);
        assertThatThrownBy(() -> SystemsExport.named("xml")).hasMessage("export format 'xml' is not one of csv, json");
    }

    private static List<Map<String, String>> parse(String json) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_OBJECT) {
                Map<String, String> row = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.getCurrentName();
                    p.nextToken();
                    row.put(name, p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText());
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
