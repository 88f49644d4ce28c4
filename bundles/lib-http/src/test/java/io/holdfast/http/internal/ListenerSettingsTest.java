package io.holdfast.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ListenerSettingsTest {

    private static Map<String, Object> props(String... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("felix.fileinstall.filename", "file:/opt/holdfast/etc/io.holdfast.http.listener-fhir.cfg");
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void defaultsAreLoopbackPlainHttpTenMegabytes() {
        ListenerSettings s = ListenerSettings.from(props("port", "8443"));

        assertThat(s.name()).isEqualTo("fhir");
        assertThat(s.pid()).isEqualTo("io.holdfast.http.listener-fhir");
        assertThat(s.bindAddress()).isEqualTo("127.0.0.1");
        assertThat(s.tlsCredential()).isEmpty();
        assertThat(s.clientAuth()).isEqualTo("none");
        assertThat(s.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(s.idleTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void tlsWithMutualAuthAndLimits() {
        ListenerSettings s = ListenerSettings.from(props("port", "8443", "bindAddress", "10.1.2.3", "tlsCredential", "fhir-server",
                "clientAuth", "NEED", "maxBodyBytes", "2048", "requestTimeout", "5000", "workerThreads", "4"));

        assertThat(s.tlsCredential()).contains("fhir-server");
        assertThat(s.clientAuth()).isEqualTo("need");
        assertThat(s.maxBodyBytes()).isEqualTo(2048);
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.workerThreads()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "port|abc|key 'port' is 'abc'; allowed: an integer from 0 to 65535",
        "port|70000|key 'port' is 70000",
        "clientAuth|maybe|key 'clientAuth' is 'maybe'; allowed: none, want, need",
        "clientAuth|need|key 'clientAuth' is 'need' on a plain-HTTP listener; allowed: none unless tlsCredential is set",
        "maxBodyBytes|0|key 'maxBodyBytes' is 0; allowed: an integer from 1 to 1073741824",
        "idleTimeout|soon|key 'idleTimeout' is 'soon'; allowed: milliseconds or an ISO-8601 duration",
        "bindAddress|fhir.trust.nhs.uk|key 'bindAddress' is 'fhir.trust.nhs.uk'; allowed: an IPv4 or IPv6 address literal",
        "workerThreads|0|key 'workerThreads' is 0"})
    void anInvalidValueNamesPidKeyAndAllowedValues(String key, String value, String message) {
        Map<String, Object> p = props("port", "8443");
        p.put(key, value);
        assertThatThrownBy(() -> ListenerSettings.from(p)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Configuration io.holdfast.http.listener-fhir: " + message);
    }

    @Test
    void thePortIsRequired() {
        assertThatThrownBy(() -> ListenerSettings.from(props())).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("key 'port' is missing");
    }
}
