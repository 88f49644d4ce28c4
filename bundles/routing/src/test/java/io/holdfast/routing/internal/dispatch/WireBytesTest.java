package io.holdfast.routing.internal.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.Codec;
import io.holdfast.routing.internal.LineCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WireBytesTest {
    /** A codec whose wire type is text. */
    static final class TextCodec implements Codec<String> {
        @Override
        public WireFormat format() {
            return new WireFormat("TEXT", "");
        }

        @Override
        public DecodeResult decode(String wire, Envelope envelope, FieldTrail trail) {
            String[] f = wire.split("\\|");
            return DecodeResult.decoded(LineCodec.admission(f[0], f[1], f[2]));
        }

        @Override
        public String encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
            return "T|" + event.type();
        }
    }

    /** A codec whose wire type is an object model the dispatcher cannot build from bytes. */
    static final class ModelCodec implements Codec<java.util.Properties> {
        @Override
        public WireFormat format() {
            return new WireFormat("MODEL", "");
        }

        @Override
        public DecodeResult decode(java.util.Properties wire, Envelope envelope, FieldTrail trail) {
            throw new AssertionError("not reached");
        }

        @Override
        public java.util.Properties encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
            return new java.util.Properties();
        }
    }

    static final Envelope ENV = Envelope.of("M1", "pas", "mllp:adt-feed", LineCodec.FORMAT);

    @Test
    void theWireTypeIsReadFromTheCodecsTypeArgument() {
        assertThat(WireBytes.wireType(LineCodec.class)).isEqualTo(byte[].class);
        assertThat(WireBytes.wireType(TextCodec.class)).isEqualTo(String.class);
        assertThat(WireBytes.wireType(ModelCodec.class)).isEqualTo(java.util.Properties.class);
    }

    @Test
    void bytesAndTextCodecsReadJournaledBytes() throws Exception {
        byte[] raw = "P1|V1|Smith".getBytes(StandardCharsets.UTF_8);
        assertThat(WireBytes.decode(new LineCodec(), raw, ENV)).isInstanceOf(DecodeResult.Decoded.class);
        assertThat(WireBytes.decode(new TextCodec(), raw, ENV)).isInstanceOf(DecodeResult.Decoded.class);
        assertThatThrownBy(() -> WireBytes.decode(new ModelCodec(), raw, ENV)).isInstanceOf(AttemptStop.class)
                .hasMessageContaining("java.util.Properties");
    }

    @Test
    void encodedTextBecomesUtf8BytesAndOtherResultsAreUnsendable() throws Exception {
        ClinicalEvent e = LineCodec.admission("P1", "V1", "Smith");
        assertThat(text(WireBytes.encode(new TextCodec(), e, WireFormat.opaque(), new FieldTrail()))).isEqualTo("T|Admission");
        assertThat(text(WireBytes.encode(new LineCodec(), e, WireFormat.opaque(), new FieldTrail()))).startsWith("ENC|Admission|Smith|");
        assertThatThrownBy(() -> WireBytes.encode(new ModelCodec(), e, WireFormat.opaque(), new FieldTrail()))
                .isInstanceOf(AttemptStop.class)
                .satisfies(t -> assertThat(((AttemptStop) t).outcome()).isInstanceOf(AttemptOutcome.Unsendable.class));
    }

    private static String text(Payload p) throws IOException {
        try (var in = p.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
