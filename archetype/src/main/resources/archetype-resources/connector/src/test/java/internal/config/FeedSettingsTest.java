package ${package}.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedSettingsTest {

    @Test
    void aValidConfigurationIsTakenWithItsDefaults() {
        FeedSettings s = FeedSettings.from(FeedConfigs.of(Map.of("name", "main", "baseUrl", "https://booking.example.nhs.uk/")));

        assertThat(s.name()).isEqualTo("main");
        assertThat(s.baseUrl()).hasToString("https://booking.example.nhs.uk");
        assertThat(s.sourceSystem()).isEqualTo("main");
        assertThat(s.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(s.maxMessagesPerPoll()).isEqualTo(100);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
        "name|Main Feed|1-32 lowercase letters",
        "baseUrl|ftp://booking.example.nhs.uk|an http:// or https:// URL",
        "baseUrl|https://user:secret@booking.example.nhs.uk|without user credentials",
        "pollIntervalSeconds|0|1 to 3600",
        "maxMessagesPerPoll|10001|1 to 10000",
        "requestTimeoutSeconds|301|1 to 300"})
    void anInvalidValueNamesThePidTheKeyAndWhatIsAllowed(String key, String value, String allowed) {
        Map<String, Object> values = new HashMap<>(Map.of("name", "main", "baseUrl", "https://booking.example.nhs.uk"));
        values.put(key, key.endsWith("Seconds") || key.startsWith("max") ? (Object) Integer.valueOf(value) : value);

        assertThatThrownBy(() -> FeedSettings.from(FeedConfigs.of(values)))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Configuration " + FeedConfig.PID)
                .hasMessageContaining("key '" + key + "'")
                .hasMessageContaining(allowed)
                .hasMessageNotContaining("secret");
    }
}
