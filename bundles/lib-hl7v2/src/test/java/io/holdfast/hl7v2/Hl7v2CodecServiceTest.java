package io.holdfast.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Resource;
import io.holdfast.api.event.Order;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.Codec;
import io.holdfast.hl7v2.internal.Hl7v2CodecComponent;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HL7 v2 codec is a service of this library, not of the MLLP connector: MESH, SFTP and file
 * connectors (and the dispatcher) find it as {@code Codec} with {@code holdfast.format=HL7V2}
 * without the MLLP listener installed.
 */
class Hl7v2CodecServiceTest {
    @Test
    void theLibraryRegistersTheCodecServiceForTheHl7v2Family() throws Exception {
        String xml = descriptor(Hl7v2CodecComponent.class);
        assertThat(xml).contains("<provide interface=\"io.holdfast.api.spi.Codec\"/>")
                .contains("<property name=\"holdfast.format\" type=\"String\" value=\"HL7V2\"/>")
                .doesNotContain("<reference");
        Hl7v2CodecComponent service = new Hl7v2CodecComponent();
        assertThat(Codec.family(service, Map.of(Codec.FORMAT_PROPERTY, "HL7V2"))).isEqualTo(WireFormat.HL7V2);
        assertThat(service.format().family()).isEqualTo(WireFormat.HL7V2);
    }

    @Test
    void theServiceDecodesOrdersLikeTheCodecItWraps() {
        DecodeResult r = new Hl7v2CodecComponent().decode(Fixtures.bytes("rde_o11_v24.hl7"),
                Envelope.of("x", "epma", "mesh:X26ABC1", WireFormat.hl7v2("2.4")), new FieldTrail());
        assertThat(r).isInstanceOfSatisfying(DecodeResult.Decoded.class,
                d -> assertThat(d.events()).singleElement().isInstanceOf(Order.class));
    }

    private static String descriptor(Class<?> component) throws Exception {
        try (Builder b = new Builder()) {
            b.addClasspath(new File("target/classes"));
            b.setProperty("-dsannotations", component.getName());
            b.setProperty("Private-Package", component.getPackageName());
            b.setProperty("-noimportjava", "true");
            Jar jar = b.build();
            Resource r = jar.getResource("OSGI-INF/" + component.getName() + ".xml");
            assertThat(r).as("DS descriptor of " + component.getName() + " (bnd errors: " + b.getErrors() + ")").isNotNull();
            try (InputStream in = r.openInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
