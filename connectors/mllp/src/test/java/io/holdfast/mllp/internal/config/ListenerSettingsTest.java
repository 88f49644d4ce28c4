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
        assertThat(s.limits()).isEqualTo(ListenerSettings.Limits.DEFAULT);
        assertThat(s.limits().frameTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    /** Issue 12 point 2: no silent 0.0.0.0. */
    @Test
    void bindsLoopbackUnlessAnAddressIsConfigured() {
        assertThat(ListenerSettings.from(props("port", "2575")).bindAddress()).isEqualTo("127.0.0.1");
        assertThat(ListenerSettings.from(props("port", "2575")).bindsWildcard()).isFalse();
        ListenerSettings open = ListenerSettings.from(props("bindAddress", "0.0.0.0"));
        assertThat(open.bindAddress()).isEqualTo("0.0.0.0");
        assertThat(open.bindsWildcard()).isTrue();
    }

    @Test
    void limitsAndAllowList() {
        ListenerSettings s = ListenerSettings.from(props("allowFrom", "10.20.0.0/16, 192.168.1.7 2001:db8::/32", "maxConnections", "8",
                "maxConnectionsPerPeer", "2", "frameTimeout", "PT15S"));
        assertThat(s.limits().allowFrom()).extracting(CidrRange::toString)
                .containsExactly("10.20.0.0/16", "192.168.1.7/32", "2001:db8:0:0:0:0:0:0/32");
        assertThat(s.limits().maxConnections()).isEqualTo(8);
        assertThat(s.limits().maxConnectionsPerPeer()).isEqualTo(2);
        assertThat(s.limits().frameTimeout()).isEqualTo(Duration.ofSeconds(15));
        Map<String, Object> typed = props();
        typed.put("allowFrom", new String[] {"10.0.0.0/8", "::1"});
        assertThat(ListenerSettings.from(typed).limits().allowFrom()).hasSize(2);
    }

    @Test
    void onlyPortAddressAndTlsNeedARebind() {
        ListenerSettings base = ListenerSettings.from(props("port", "2575"));
        assertThat(base.bindsLike(ListenerSettings.from(props("port", "2575", "idleTimeout", "PT1M", "allowFrom", "10.0.0.0/8",
                "maxConnections", "3", "ackMode", "ORIGINAL")))).isTrue();
        assertThat(base.bindsLike(ListenerSettings.from(props("port", "2576")))).isFalse();
        assertThat(base.bindsLike(ListenerSettings.from(props("port", "2575", "bindAddress", "0.0.0.0")))).isFalse();
        assertThat(base.bindsLike(ListenerSettings.from(props("port", "2575", "tlsCredential", "mllp-tls")))).isFalse();
        assertThat(base.bindsLike(ListenerSettings.from(props("port", "2575", "tlsClientAuth", "NEED")))).isFalse();
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
        "timeZone,Mars/Olympus", "maxPendingAcks,0", "allowFrom,intranet.nhs.uk", "allowFrom,10.0.0.0/33", "allowFrom,::1/129",
        "allowFrom,10.0.0/8", "maxConnections,0", "maxConnectionsPerPeer,-1", "frameTimeout,forever"})
    void invalidValuesNameThePidTheKeyAndWhatIsAllowed(String key, String value) {
        assertThatThrownBy(() -> ListenerSettings.from(props(key, value))).isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
            assertThat(e.pid()).isEqualTo("io.holdfast.mllp.listener~adt-feed");
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.allowed()).isNotBlank();
            assertThat(e.getMessage()).contains(value);
        });
    }
}
