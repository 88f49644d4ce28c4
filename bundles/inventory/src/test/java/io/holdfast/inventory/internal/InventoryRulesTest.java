package io.holdfast.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import java.lang.annotation.Annotation;
import org.junit.jupiter.api.Test;

class InventoryRulesTest {

    static InventoryConfig config(String[] environments, String[] transports, String[] formats) {
        return new InventoryConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return InventoryConfig.class;
            }

            @Override
            public String[] environments() {
                return environments;
            }

            @Override
            public String[] extraTransports() {
                return transports;
            }

            @Override
            public String[] extraFormats() {
                return formats;
            }
        };
    }

    @Test
    void configuredEnvironmentsAndExtrasAreNormalised() {
        InventoryRules rules = InventoryRules.from(config(new String[] {"dev, Test", "int,live", "dev"},
                new String[] {"as2"}, new String[] {"csv"}));
        assertThat(rules.environments()).containsExactly("dev", "test", "int", "live");
        assertThat(rules.transports()).contains("AS2", "HTTP", "MLLP");
        assertThat(rules.formatFamilies()).contains("CSV", "FHIR");
    }

    @Test
    void badConfigurationNamesPidKeyAndAllowedValues() {
        assertThatThrownBy(() -> InventoryRules.from(config(new String[] {"dev", "Prod Env"}, new String[0], new String[0])))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("io.holdfast.inventory")
                .hasMessageContaining("'environments'")
                .hasMessageContaining("'Prod Env'")
                .hasMessageContaining("allowed: lowercase names");
        assertThatThrownBy(() -> InventoryRules.from(config(new String[0], new String[0], new String[0])))
                .hasMessageContaining("'environments' is empty");
        assertThatThrownBy(() -> InventoryRules.from(config(new String[] {"dev"}, new String[] {"my transport"}, new String[0])))
                .hasMessageContaining("'extraTransports' has an invalid entry 'my transport'");
    }
}
