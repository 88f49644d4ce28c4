package io.holdfast.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SystemValidatorTest {
    private final SystemValidator validator = new SystemValidator(InventoryRules.defaults(), InstalledProviders.all());

    private List<String> problems(DownstreamSystem s) {
        return validator.problems(validator.normalise(s));
    }

    private static DownstreamSystem with(String transport, String format, String endpoint, AuthPattern auth) {
        DownstreamSystem p = Systems.pds();
        return new DownstreamSystem(p.id(), p.name(), p.odsCode(), p.environment(), transport, WireFormat.parse(format),
                endpoint, auth, Optional.empty(), Optional.empty());
    }

    @Test
    void samplesAreValid() {
        assertThat(problems(Systems.pds())).isEmpty();
        assertThat(problems(Systems.epr())).isEmpty();
        assertThat(problems(Systems.spine())).isEmpty();
    }

    @Test
    void normaliseTrimsUppercasesCodesAndDefaultsTheCredentialRef() {
        DownstreamSystem raw = new DownstreamSystem(" spine-int ", " Spine ", Optional.of(" x26 "), " INT ", " spine_ebxml ",
                WireFormat.parse("hl7v3_ebxml"), " https://msg.example.nhs.uk ", AuthPattern.TLS_MUTUAL,
                Optional.of("  "), Optional.of(""));
        DownstreamSystem s = validator.normalise(raw);
        assertThat(s.id()).isEqualTo("spine-int");
        assertThat(s.odsCode()).contains("X26");
        assertThat(s.environment()).isEqualTo("int");
        assertThat(s.transport()).isEqualTo("SPINE_EBXML");
        assertThat(s.format().family()).isEqualTo("HL7V3_EBXML");
        assertThat(s.credentialRef()).contains("spine-int");
        assertThat(s.ownerContact()).isEmpty();
        assertThat(validator.problems(s)).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        DownstreamSystem bad = new DownstreamSystem("Bad Id!", " ", Optional.of("toolongodscode1"), "prod", "FTP",
                WireFormat.parse("XML"), "https://x", AuthPattern.API_KEY, Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> validator.check(validator.normalise(bad)))
                .isInstanceOf(HoldfastException.class)
                .satisfies(e -> assertThat(((HoldfastException) e).errorCode()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("nothing was saved")
                .hasMessageContaining("id 'Bad Id!' must be 1-64 lowercase letters")
                .hasMessageContaining("name is required")
                .hasMessageContaining("ODS code 'TOOLONGODSCODE1' must be 3-10 letters or digits")
                .hasMessageContaining("environment 'prod' is not one of dev, test, int, live")
                .hasMessageContaining("transport 'FTP' is not one of DB, HTTP, MESH, MLLP, SFTP, SPINE_EBXML")
                .hasMessageContaining("format 'XML' is not one of ESR_FILE, FHIR, HL7V2, HL7V3_EBXML, OPAQUE");
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
        "HTTP|FHIR:R4|https://api.example.nhs.uk/FHIR/R4|API_KEY|",
        "HTTP|FHIR:R5|https://api.example.nhs.uk|API_KEY|needs a FHIR version, one of R4",
        "HTTP|HL7V2|https://api.example.nhs.uk|API_KEY|needs an HL7v2 version such as HL7V2:2.3",
        "MLLP|HL7V2:2.5.1|mllp://epr.example.nhs.uk:2575|NONE|",
        "MLLP|FHIR:R4|mllp://epr.example.nhs.uk:2575|NONE|transport MLLP carries HL7V2 only, not FHIR",
        "MLLP|HL7V2:2.4|mllp://epr.example.nhs.uk|NONE|needs a port",
        "MLLP|HL7V2:2.4|https://epr.example.nhs.uk|NONE|must start with mllp:// or mllps://",
        "MLLP|HL7V2:2.4|mllp://epr.example.nhs.uk:2575|ORG_CREDENTIALS|not possible over MLLP",
        "MLLP|HL7V2:2.4|mllp://epr.example.nhs.uk:2575|TLS_MUTUAL|TLS_MUTUAL needs a TLS endpoint",
        "MLLP|HL7V2:2.4|mllps://epr.example.nhs.uk:2575|TLS_MUTUAL|",
        "SPINE_EBXML|FHIR:R4|https://msg.example.nhs.uk|TLS_MUTUAL|SPINE_EBXML carries HL7V3_EBXML only",
        "MESH|OPAQUE|http://mesh.example.nhs.uk|TLS_MUTUAL|must start with https:// or mesh://",
        "MESH|OPAQUE|mesh:X26ABC3?workflow=TEST_WORKFLOW&from=X26ABC2|NONE|",
        "MESH|OPAQUE|mesh:X26ABC3?workflow=TEST_WORKFLOW|NONE|",
        "MESH|OPAQUE|mesh:X26ABC3|NONE|needs ?workflow=WORKFLOW_ID",
        "MESH|OPAQUE|mesh:X26-ABC3?workflow=W|NONE|must name the recipient mailbox",
        "MESH|OPAQUE|mesh:X26ABC3?workflow=W&from=x.y|NONE|from= that is not a mailbox id",
        "SFTP|ESR_FILE|sftp://esr.example.nhs.uk:22/in|ORG_CREDENTIALS|",
        "SFTP|ESR_FILE|sftp://user:secret@esr.example.nhs.uk/in|ORG_CREDENTIALS|must not contain user credentials",
        "DB|OPAQUE|jdbc:postgresql://db:5432/x|ORG_CREDENTIALS|",
        "DB|OPAQUE|jdbc:postgresql://db:5432/x?password=x|ORG_CREDENTIALS|must not contain a password",
        "DB|OPAQUE|postgresql://db:5432/x|ORG_CREDENTIALS|must be a JDBC URL",
        "HTTP|FHIR:R4|not a uri at all|API_KEY|is not a valid URI",
        "HTTP|FHIR:R4|https:///nohost|API_KEY|has no host name",
        "MESH|OPAQUE|https://mesh.example.nhs.uk|OAUTH2_SIGNED_JWT|works over HTTP only, not transport MESH",
        "SFTP|ESR_FILE|sftp://esr.example.nhs.uk/in|API_KEY|works over HTTP only, not transport SFTP",
    })
    void transportFormatEndpointAndAuthMustFit(String transport, String format, String endpoint, String auth, String problem) {
        List<String> problems = problems(with(transport, format, endpoint, AuthPattern.valueOf(auth)));
        if (problem == null) {
            assertThat(problems).isEmpty();
        } else {
            assertThat(String.join("; ", problems)).contains(problem);
        }
    }

    @Test
    void aConnectorsOwnTransportMayCarryHttpCredentialsToAnHttpEndpointOnly() {
        InventoryRules rules = new InventoryRules(List.of("dev", "test", "int", "live"), java.util.Set.of("HTTP", "MLLP", "EPS"),
                java.util.Set.of("OPAQUE", "EPS"));
        SystemValidator withEps = new SystemValidator(rules, InstalledProviders.all());
        DownstreamSystem eps = new DownstreamSystem("eps", "EPS", Optional.empty(), "int", "EPS", WireFormat.parse("EPS:R4"),
                "https://int.api.service.nhs.uk/electronic-prescriptions/FHIR/R4", AuthPattern.OAUTH2_SIGNED_JWT, Optional.empty(),
                Optional.empty());
        assertThat(withEps.problems(withEps.normalise(eps))).isEmpty();
        DownstreamSystem notHttp = new DownstreamSystem("eps", "EPS", Optional.empty(), "int", "EPS", WireFormat.parse("EPS:R4"),
                "test://eps", AuthPattern.OAUTH2_SIGNED_JWT, Optional.empty(), Optional.empty());
        assertThat(withEps.problems(withEps.normalise(notHttp))).singleElement().asString()
                .contains("the endpoint of transport EPS must be an http:// or https:// URL");
    }

    @Test
    void liveSystemsMustUseHttps() {
        DownstreamSystem p = Systems.pds();
        DownstreamSystem live = new DownstreamSystem(p.id(), p.name(), p.odsCode(), "live", "HTTP", p.format(),
                "http://api.example.nhs.uk/FHIR/R4", AuthPattern.API_KEY, Optional.empty(), Optional.empty());
        assertThat(problems(live)).anySatisfy(x -> assertThat(x).contains("live system must use https://"));
    }

    @Test
    void noneTakesNoCredentialRefAndOthersTakeAValidOne() {
        DownstreamSystem e = Systems.epr();
        DownstreamSystem withRef = new DownstreamSystem(e.id(), e.name(), e.odsCode(), e.environment(), e.transport(),
                e.format(), e.endpoint(), AuthPattern.NONE, Optional.of("epr"), Optional.empty());
        assertThat(problems(withRef)).containsExactly("credential ref 'epr' makes no sense with auth pattern NONE");
        DownstreamSystem p = Systems.pds();
        DownstreamSystem badRef = new DownstreamSystem(p.id(), p.name(), p.odsCode(), p.environment(), p.transport(),
                p.format(), p.endpoint(), p.authPattern(), Optional.of("Bad Ref"), Optional.empty());
        assertThat(problems(badRef)).singleElement().asString().startsWith("credential ref 'Bad Ref' must be");
    }

    @Test
    void textFieldsRefuseControlCharactersAndOverlongValues() {
        DownstreamSystem p = Systems.pds();
        DownstreamSystem bad = new DownstreamSystem(p.id(), "a".repeat(201), p.odsCode(), p.environment(), p.transport(),
                p.format(), p.endpoint(), p.authPattern(), p.credentialRef(), Optional.of("line\nbreak"));
        assertThat(problems(bad)).containsExactly("name is 201 characters long; at most 200 are allowed",
                "owner contact must not contain control characters (line breaks, tabs)");
    }
}
