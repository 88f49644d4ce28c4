package io.holdfast.simulator.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import io.holdfast.api.model.NhsNumber;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasFeedGeneratorTest {
    /**
     * HAPI, an HL7 v2 implementation independent of Holdfast's codec and of this simulator, reads every
     * generated message; US-centric validation off, as for any UK feed (NHS-INTERFACES.md). Whether the
     * Holdfast codec maps the feed is the codec's test, not the simulator's.
     */
    final HapiContext hapi = new DefaultHapiContext(ValidationContextFactory.noValidation());

    @Test
    void everyGeneratedMessageParsesWithAValidTestNhsNumberInPid3() throws Exception {
        Set<String> types = new HashSet<>();
        for (byte[] m : new PasFeedGenerator(7).take(500)) {
            String text = new String(m, StandardCharsets.ISO_8859_1);
            Message parsed = hapi.getPipeParser().parse(text);
            Terser terser = new Terser(parsed);
            types.add(terser.get("/MSH-9-1") + "^" + terser.get("/MSH-9-2"));
            assertThat(terser.get("/MSH-10")).as(text).isNotBlank();
            assertThat(terser.get("/MSH-12")).isEqualTo("2.4");
            assertThat(nhsNumber(terser.getSegment("/.PID"))).as(text)
                    .satisfies(n -> assertThat(NhsNumber.isValid(n)).isTrue())
                    .satisfies(n -> assertThat(NhsNumber.parse(n).isTestNumber()).isTrue());
        }
        assertThat(types).contains("ADT^A01", "ADT^A02", "ADT^A03", "ADT^A05", "ADT^A08", "ADT^A31", "ADT^A40", "ADT^A11", "ORU^R01");
    }

    /** The PID-3 repetition whose identifier type (CX-5) is NH, as the HL7 UK ITK profile carries the NHS number. */
    static String nhsNumber(Segment pid) throws Exception {
        for (int rep = 0; rep < pid.getField(3).length; rep++) {
            if ("NH".equals(Terser.get(pid, 3, rep, 5, 1))) {
                return Terser.get(pid, 3, rep, 1, 1);
            }
        }
        throw new AssertionError("no NHS number (CX-5 NH) in PID-3");
    }

    @Test
    void theSameSeedReplaysTheSameTraffic() {
        List<byte[]> a = new PasFeedGenerator(99).take(50);
        List<byte[]> b = new PasFeedGenerator(99).take(50);
        for (int i = 0; i < 50; i++) {
            assertThat(a.get(i)).isEqualTo(b.get(i));
        }
    }

    @Test
    void testNhsNumbersAreValid() {
        java.util.Random r = new java.util.Random(1);
        for (int i = 0; i < 1000; i++) {
            assertThat(NhsNumber.isValid(TestPatients.nhsNumber(r))).isTrue();
        }
    }
}
