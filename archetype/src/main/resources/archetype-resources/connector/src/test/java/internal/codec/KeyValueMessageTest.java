package ${package}.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyValueMessageTest {

    @Test
    void readsKeyValueLinesIgnoringBlankLinesAndCarriageReturns() throws RejectedMessage {
        KeyValueMessage m = KeyValueMessage.parse("a=1\r\n\nb = two words \nc=\n".getBytes(StandardCharsets.UTF_8));

        assertThat(m.get("a")).contains("1");
        assertThat(m.get("b")).contains("two words");
        assertThat(m.get("c")).isEmpty();
        assertThat(m.get("d")).isEmpty();
    }

    @Test
    void refusesWhatWouldMakeTheMappingAmbiguous() {
        assertThatThrownBy(() -> KeyValueMessage.parse("a=1\na=2\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedMessage.class).hasMessage("field 'a' appears twice");
        assertThatThrownBy(() -> KeyValueMessage.parse("a=1\njust text\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedMessage.class).hasMessage("line 2 is not key=value");
        assertThatThrownBy(() -> KeyValueMessage.parse(new byte[] {'a', '=', (byte) 0xC3, (byte) 0x28}))
                .isInstanceOf(RejectedMessage.class).hasMessage("the message is not UTF-8 text");
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws RejectedMessage {
        KeyValueMessage m = KeyValueMessage.parse("a=1\n".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> m.require("status"))
                .isInstanceOfSatisfying(RejectedMessage.class, e -> assertThat(e.code()).isEqualTo("MISSING_FIELD"))
                .hasMessage("required field 'status' is missing");
    }

    @Test
    void writesWhatItReads() throws RejectedMessage {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appointmentId", "APT-1");
        fields.put("location", "Clinic 3 = east");

        KeyValueMessage back = KeyValueMessage.parse(KeyValueMessage.format(fields));

        assertThat(back.get("appointmentId")).contains("APT-1");
        assertThat(back.get("location")).contains("Clinic 3 = east");
        assertThatThrownBy(() -> KeyValueMessage.format(Map.of("location", "two\nlines")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
