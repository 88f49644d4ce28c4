package io.holdfast.simulator.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.mllp.internal.codec.Hl7v2Codec;
import io.holdfast.mllp.protocol.MshHeader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PasFeedGeneratorTest {
    final Hl7v2Codec codec = new Hl7v2Codec();

    @Test
    void everyGeneratedMessageDecodesWithAValidTestNhsNumber() {
        Set<String> types = new HashSet<>();
        for (byte[] m : new PasFeedGenerator(7).take(500)) {
            types.add(MshHeader.read(m).orElseThrow().messageType());
            DecodeResult r = codec.decode(m, Envelope.of("x", "pas", "mllp:test", WireFormat.hl7v2("2.4")), new FieldTrail());
            assertThat(r).as(new String(m, java.nio.charset.StandardCharsets.ISO_8859_1)).isInstanceOf(DecodeResult.Decoded.class);
            for (ClinicalEvent e : ((DecodeResult.Decoded) r).events()) {
                assertThat(e.nhsNumber()).get().satisfies(n -> assertThat(n.isTestNumber()).isTrue());
            }
        }
        assertThat(types).contains("ADT^A01", "ADT^A02", "ADT^A03", "ADT^A05", "ADT^A08", "ADT^A31", "ADT^A40", "ADT^A11", "ORU^R01");
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
