package io.holdfast.transport.http.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import java.lang.annotation.Annotation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpTransportSettingsTest {

    private static HttpTransportConfig config(int connect, int response, int maxBytes, String method, int reasonChars) {
        return new HttpTransportConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return HttpTransportConfig.class;
            }

            @Override
            public int connectTimeoutSeconds() {
                return connect;
            }

            @Override
            public int responseTimeoutSeconds() {
                return response;
            }

            @Override
            public int maxResponseBytes() {
                return maxBytes;
            }

            @Override
            public String defaultMethod() {
                return method;
            }

            @Override
            public int maxReasonChars() {
                return reasonChars;
            }
        };
    }

    @Test
    void theDefaultsAreTheShippedSettings() {
        assertThat(HttpTransportSettings.from(config(10, 30, 1 << 20, "POST", 2000))).isEqualTo(HttpTransportSettings.DEFAULTS);
        assertThat(HttpTransportSettings.from(config(5, 60, 4096, " put ", 500)))
                .isEqualTo(new HttpTransportSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), 4096, "PUT", 500));
    }

    @Test
    void aBadValueNamesThePidTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> HttpTransportSettings.from(config(0, 30, 1 << 20, "POST", 2000)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("Configuration io.holdfast.transport.http: key 'connectTimeoutSeconds' has 0; allowed: 1-300");
        assertThatThrownBy(() -> HttpTransportSettings.from(config(10, 30, 100, "POST", 2000)))
                .hasMessageContaining("key 'maxResponseBytes' has 100; allowed: 1024-104857600");
        assertThatThrownBy(() -> HttpTransportSettings.from(config(10, 601, 1 << 20, "POST", 2000)))
                .hasMessageContaining("key 'responseTimeoutSeconds' has 601; allowed: 1-600");
        assertThatThrownBy(() -> HttpTransportSettings.from(config(10, 30, 1 << 20, "GET", 2000)))
                .hasMessageContaining("key 'defaultMethod' has 'GET'; allowed: POST, PUT, PATCH");
        assertThatThrownBy(() -> HttpTransportSettings.from(config(10, 30, 1 << 20, "POST", 10)))
                .hasMessageContaining("key 'maxReasonChars' has 10; allowed: 200-20000");
    }
}
