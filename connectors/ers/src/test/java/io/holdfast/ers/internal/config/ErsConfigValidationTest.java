package io.holdfast.ers.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import java.lang.annotation.Annotation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PID io.holdfast.ers and factory PID io.holdfast.ers.role: defaults valid, each bad value named with PID, key and allowed values. */
class ErsConfigValidationTest {

    @Test
    void defaultsAreValid() {
        ErsSettings s = ErsSettings.from(config(Map.of()));
        assertThat(s.systemId()).isEqualTo("ers");
        assertThat(s.maxResponseBytes()).isEqualTo(10 << 20);
        assertThat(s.maxAttempts()).isEqualTo(3);
    }

    @Test
    void outOfRangeValuesFailNamingPidKeyAndRange() {
        assertThatThrownBy(() -> ErsSettings.from(config(Map.of("maxAttempts", 0)))).isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
            assertThat(e.pid()).isEqualTo("io.holdfast.ers");
            assertThat(e.key()).isEqualTo("maxAttempts");
            assertThat(e.allowed()).isEqualTo("1..10");
        });
        assertThatThrownBy(() -> ErsSettings.from(config(Map.of("systemId", "bad id!")))).hasMessageContaining("systemId");
        assertThatThrownBy(() -> ErsSettings.from(config(Map.of("maxResponseBytes", 10)))).hasMessageContaining("maxResponseBytes");
        assertThatThrownBy(() -> ErsSettings.from(config(Map.of("requestTimeoutSeconds", 301)))).hasMessageContaining("requestTimeoutSeconds");
    }

    @Test
    void aProviderClinicianAdminActingForAClinician() {
        ErsRole role = ErsRole.from(role(Map.of("systemId", "ers", "businessFunction", "SERVICE_PROVIDER_CLINICIAN_ADMIN",
                "onBehalfOfUserId", "021600556514", "odsCode", "r69", "serviceId", "11012")));
        assertThat(role.onBehalfOfUserId()).contains("021600556514");
        assertThat(role.odsCode()).contains("R69");
        assertThat(role.serviceId()).contains("11012");
        assertThat(role.rejectReasonCode()).isEmpty();
    }

    @Test
    void badRoleValuesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ErsRole.from(role(Map.of("systemId", "ers", "businessFunction", "COMMISSIONER"))))
                .isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
                    assertThat(e.pid()).isEqualTo("io.holdfast.ers.role");
                    assertThat(e.key()).isEqualTo("businessFunction");
                    assertThat(e.allowed()).contains("SERVICE_PROVIDER_CLINICIAN");
                });
        assertThatThrownBy(() -> ErsRole.from(role(Map.of("systemId", "ers", "onBehalfOfUserId", "021600556514"))))
                .hasMessageContaining("onBehalfOfUserId").hasMessageContaining("SERVICE_PROVIDER_CLINICIAN_ADMIN");
        assertThatThrownBy(() -> ErsRole.from(role(Map.of("systemId", "ers", "businessFunction", "SERVICE_PROVIDER_CLINICIAN_ADMIN",
                "onBehalfOfUserId", "12345")))).hasMessageContaining("12 digits");
        assertThatThrownBy(() -> ErsRole.from(role(Map.of("systemId", "")))).hasMessageContaining("systemId");
        assertThatThrownBy(() -> ErsRole.from(role(Map.of("systemId", "ers", "odsCode", "R 69")))).hasMessageContaining("odsCode");
    }

    public static ErsConfig config(Map<String, Object> values) {
        return proxy(ErsConfig.class, values);
    }

    public static ErsRoleConfig role(Map<String, Object> values) {
        return proxy(ErsRoleConfig.class, values);
    }

    /** The annotation with its defaults, some keys overridden: as DS hands it to @Activate. */
    @SuppressWarnings("unchecked")
    static <A extends Annotation> A proxy(Class<A> type, Map<String, Object> values) {
        return (A) java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (p, m, args) -> {
            if (values.containsKey(m.getName())) {
                return values.get(m.getName());
            }
            Object d = m.getDefaultValue();
            if (d == null && m.getDeclaringClass() == type) {
                return "";
            }
            return d;
        });
    }
}
