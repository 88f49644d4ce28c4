package io.holdfast.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v25.message.ADT_A01;
import ca.uhn.hl7v2.parser.PipeParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UkHapiContextsTest {

    static String adtA01(String version) {
        return "MSH|^~\\&|PAS|RXX|EPR|RXX|20260301101500||ADT^A01|MSG0001|P|" + version + "|||AL|NE||8859/1\r"
                + "EVN|A01|20260301101500\r"
                + "PID|1||9449305552^^^NHS^NH~RX1234567^^^RXX^MR||SMITH^JOANNE^^^MRS||19800101|F|||1 HIGH STREET^^LEEDS^^LS1 4AP^GBR^H"
                + "||01132345678^PRN^PH|||||||||||||||\r"
                + "PV1|1|I|WARD1^BAY2^BED3^RXX01||||C1234567^JONES^ALAN|||300|||||||||V000123^^^RXX^VN|||||||||||||||||||||||||20260301100000\r";
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.3", "2.4", "2.5"})
    void ukAdtParsesIntoV25StructuresWhateverItsVersion(String version) throws HL7Exception {
        try (var context = UkHapiContexts.canonical()) {
            Message m = context.getPipeParser().parse(adtA01(version));
            assertThat(m).isInstanceOf(ADT_A01.class);
            ADT_A01 a01 = (ADT_A01) m;
            assertThat(a01.getMSH().getVersionID().getVersionID().getValue()).isEqualTo(version);
            assertThat(a01.getPID().getPatientIdentifierList(0).getIDNumber().getValue()).isEqualTo("9449305552");
            assertThat(a01.getPV1().getVisitNumber().getIDNumber().getValue()).isEqualTo("V000123");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2.3", "2.4"})
    void hapiDefaultValidationRejectsAUkTelephoneNumber(String version) {
        // The pitfall this bundle exists to avoid: HAPI's default rules are US-centric.
        PipeParser naive = new DefaultHapiContext().getPipeParser();
        assertThatThrownBy(() -> naive.parse(adtA01(version))).isInstanceOf(HL7Exception.class);
    }
}
