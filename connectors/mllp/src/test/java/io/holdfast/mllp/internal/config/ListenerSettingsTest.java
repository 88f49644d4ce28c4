package io.holdfast.mllp.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ListenerSettingsTest {
    static Map<String, Object> props(String... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("service.pid", "io.holdfast.mllp.listener~adt-feed");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void defaultsAndNameFromThePid() {
        ListenerSettings s = ListenerSettings.from(props("port", "2575"));
        assertThat(s.name()).isEqualTo("adt-feed");
        assertThat(s.sourceSystem()).isEqualTo("adt-feed");
        assertThat(s.charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(s.interByteTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.ackMode()).isEqualTo(AckMode.AUTO);
    }

    @Test
    void nameFromAFeatureOrFileinstallConfig() {
        Map<String, Object> p = new HashMap<>();
        p.put("service.pid", "io.holdfast.mllp.listener.7d1c9f0e-3b7a");
        p.put("felix.fileinstall.filename", "file:/opt/holdfast/etc/io.holdfast.mllp.listener-adt-feed.cfg");
        assertThat(ListenerSettings.nameOf(p)).isEqualTo("adt-feed");
    }

    @Test
    void durationsInMillisecondsOrIso() {
        ListenerSettings s = ListenerSettings.from(props("firstByteTimeout", "1500", "idleTimeout", "PT5M", "ackMode", "enhanced",
                "charset", "UTF-8", "sourceSystem", "pas"));
        assertThat(s.firstByteTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(s.ackMode()).isEqualTo(AckMode.ENHANCED);
        assertThat(s.sourceSystem()).isEqualTo("pas");
    }

    @ParameterizedTest
    @CsvSource({"port,abc", "port,70000", "maxFrameBytes,10", "charset,EBCDIC-KLINGON", "ackMode,SOMETIMES", "interByteTimeout,soon",
        "timeZone,Mars/Olympus", "maxPendingAcks,0"})
    void invalidValuesNameThePidTheKeyAndWhatIsAllowed(String key, String value) {
        assertThatThrownBy(() -> ListenerSettings.from(props(key, value))).isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
            assertThat(e.pid()).isEqualTo("io.holdfast.mllp.listener~adt-feed");
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.allowed()).isNotBlank();
            assertThat(e.getMessage()).contains(value);
        });
    }
}
