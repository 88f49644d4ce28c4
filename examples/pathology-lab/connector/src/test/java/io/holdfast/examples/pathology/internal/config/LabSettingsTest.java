package io.holdfast.examples.pathology.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LabSettingsTest {

    @Test
    void defaultsAndTheNameFromTheFileKarafRead() {
        LabSettings s = LabSettings.from(Map.of("system", "city-lab", "service.pid", "io.holdfast.examples.pathology.lab.1f2e",
                "felix.fileinstall.filename", "file:/opt/holdfast/etc/io.holdfast.examples.pathology.lab-city.cfg"));
        assertThat(s.name()).isEqualTo("city");
        assertThat(s.channel()).isEqualTo("pathology:city");
        assertThat(s.resultsPath()).isEqualTo("/results");
        assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.pageSize()).isEqualTo(100);
        assertThat(s.maxResponseBytes()).isEqualTo(1024 * 1024);
        assertThat(s.retry()).isEqualTo(new LabSettings.Retry(3, Duration.ofSeconds(2), Duration.ofSeconds(60)));
        assertThat(s.accessionAuthority()).isEqualTo("city-lab");
        assertThat(s.timeZone()).isEqualTo(ZoneId.of("Europe/London"));
        assertThat(s.initialCursor()).isEmpty();
    }

    @Test
    void aNameFromAConfigurationMadeInCode() {
        assertThat(LabSettings.nameOf(Map.of("service.pid", "io.holdfast.examples.pathology.lab~north"))).isEqualTo("north");
        assertThat(LabSettings.nameOf(Map.of("name", "south"))).isEqualTo("south");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "system|| key 'system' is missing; allowed: the inventory id",
        "system|City Lab| key 'system' is 'City Lab'",
        "pageSize|abc| key 'pageSize' is 'abc'; allowed: an integer from 1 to 1000",
        "pageSize|0| key 'pageSize' is 0; allowed: an integer from 1 to 1000",
        "maxResponseBytes|100| key 'maxResponseBytes' is 100; allowed: an integer from 1024 to 67108864",
        "pollInterval|60| key 'pollInterval' is '60'; allowed: an ISO-8601 duration from PT1S to PT24H",
        "pollInterval|PT0.5S| key 'pollInterval' is PT0.5S",
        "maxAttempts|11| key 'maxAttempts' is 11; allowed: an integer from 1 to 10",
        "retryBackoff|PT20M| key 'retryBackoff' is PT20M",
        "resultsPath|results?x=1| key 'resultsPath' is 'results?x=1'; allowed: a path starting with '/'",
        "timeZone|Mars/Olympus| key 'timeZone' is 'Mars/Olympus'; allowed: a region id",
        "initialCursor|a b| key 'initialCursor' is not such a text; allowed: up to 128 printable ASCII",
        "accessionAuthority|lab one| key 'accessionAuthority' is 'lab one'",
    })
    void aBadValueNamesThePidTheKeyAndWhatIsAllowed(String key, String value, String message) {
        Map<String, Object> props = new HashMap<>(Map.of("system", "city-lab", "service.pid", "io.holdfast.examples.pathology.lab~city"));
        props.put(key, value == null ? "" : value);
        assertThatThrownBy(() -> LabSettings.from(props)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("Configuration io.holdfast.examples.pathology.lab~city:").hasMessageContaining(message)
                .satisfies(e -> assertThat(((InvalidConfigurationException) e).key()).isEqualTo(key));
    }

    @Test
    void waitsDoubleFromTheBackoffHonourRetryAfterAndStopAtTheMaximum() {
        LabSettings.Retry retry = new LabSettings.Retry(5, Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(retry.delayAfter(1, Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
        assertThat(retry.delayAfter(2, Duration.ZERO)).isEqualTo(Duration.ofSeconds(4));
        assertThat(retry.delayAfter(3, Duration.ZERO)).isEqualTo(Duration.ofSeconds(8));
        assertThat(retry.delayAfter(1, Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
        assertThat(retry.delayAfter(1, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(30));
        assertThat(retry.delayAfter(40, Duration.ZERO)).isEqualTo(Duration.ofSeconds(30));
    }
}
