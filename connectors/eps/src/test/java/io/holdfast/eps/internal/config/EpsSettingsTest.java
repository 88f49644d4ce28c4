package io.holdfast.eps.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import java.lang.annotation.Annotation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EpsSettingsTest {

    @Test
    void defaultsAreValid() {
        EpsSettings s = EpsSettings.from(config("eps", "", 5, 30, 3));
        assertThat(s.systemId()).isEqualTo("eps");
        assertThat(s.prescriberOdsCode()).isEmpty();
        assertThat(s.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(EpsSettings.from(config("eps", "RXX01", 5, 30, 3)).prescriberOdsCode()).contains("RXX01");
    }

    @Test
    void aBadValueNamesPidKeyAndRange() {
        assertThatThrownBy(() -> EpsSettings.from(config("eps", "", 5, 30, 11))).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("io.holdfast.eps").hasMessageContaining("maxAttempts").hasMessageContaining("1..10");
        assertThatThrownBy(() -> EpsSettings.from(config("eps", "rxx 01", 5, 30, 3))).hasMessageContaining("prescriberOdsCode");
        assertThatThrownBy(() -> EpsSettings.from(config("bad id", "", 5, 30, 3))).hasMessageContaining("systemId");
        assertThatThrownBy(() -> EpsSettings.from(config("eps", "", 0, 30, 3))).hasMessageContaining("connectTimeoutSeconds");
    }

    private static EpsConfig config(String system, String ods, int connect, int request, int attempts) {
        return new EpsConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return EpsConfig.class;
            }

            @Override
            public String systemId() {
                return system;
            }

            @Override
            public String prescriberOdsCode() {
                return ods;
            }

            @Override
            public int connectTimeoutSeconds() {
                return connect;
            }

            @Override
            public int requestTimeoutSeconds() {
                return request;
            }

            @Override
            public int maxResponseBytes() {
                return 1 << 20;
            }

            @Override
            public int maxAttempts() {
                return attempts;
            }

            @Override
            public int maxRetryWaitSeconds() {
                return 10;
            }
        };
    }
}
