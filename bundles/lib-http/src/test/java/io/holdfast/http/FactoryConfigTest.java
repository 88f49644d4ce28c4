package io.holdfast.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FactoryConfigTest {
    private static final String PID = "io.holdfast.http.listener";

    @Test
    void theNameComesFromNameTheFileOrThePid() {
        assertThat(FactoryConfig.of(PID, Map.of("name", "api", "felix.fileinstall.filename", "file:/etc/" + PID + "-other.cfg")).name())
                .isEqualTo("api");
        FactoryConfig fromFile = FactoryConfig.of(PID, Map.of("felix.fileinstall.filename", "file:/opt/etc/" + PID + "-fhir.cfg",
                "service.pid", PID + ".8f2c"));
        assertThat(fromFile.name()).isEqualTo("fhir");
        assertThat(fromFile.pid()).isEqualTo(PID + ".8f2c");
        assertThat(FactoryConfig.of(PID, Map.of("service.pid", PID + "~admin")).name()).isEqualTo("admin");
        assertThatThrownBy(() -> FactoryConfig.of(PID, Map.of("name", "bad name"))).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("key 'name' is 'bad name'");
    }

    @Test
    void listsDurationsAndChoices() {
        FactoryConfig c = FactoryConfig.of(PID, Map.of("name", "x", "keys", " a, b ,,c", "dns", "CN=a,O=T; CN=b,O=T", "array",
                new String[] {"p", "q"}, "t1", "1500", "t2", "PT2M", "mode", "WANT"));
        assertThat(c.list("keys")).containsExactly("a", "b", "c");
        assertThat(c.list("dns", ";")).containsExactly("CN=a,O=T", "CN=b,O=T");
        assertThat(c.list("array")).containsExactly("p", "q");
        assertThat(c.list("missing")).isEmpty();
        assertThat(c.duration("t1", Duration.ZERO)).isEqualTo(Duration.ofMillis(1500));
        assertThat(c.duration("t2", Duration.ZERO)).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.choice("mode", "none", "none", "want", "need")).isEqualTo("want");
        assertThat(c.string("missing", "dflt")).isEqualTo("dflt");
        assertThatThrownBy(() -> c.required("missing", "something")).hasMessageContaining("key 'missing' is missing; allowed: something");
    }
}
