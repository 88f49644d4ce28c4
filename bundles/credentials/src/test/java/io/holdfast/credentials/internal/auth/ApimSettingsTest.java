package io.holdfast.credentials.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import java.lang.annotation.Annotation;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link ApimSettings#from}: an environment's own token URL (the sandbox's APIM simulator on another port). */
class ApimSettingsTest {

    @Test
    void anEnvironmentWithItsOwnTokenUrlUsesItOthersTheEndpointHost() {
        ApimSettings s = ApimSettings.from(config(" dev = http://127.0.0.1:8720/oauth2/token ,test=https://apim.test.example/oauth2/token"));
        assertThat(s.tokenUrl(system("dev", "http://127.0.0.1:8710/personal-demographics/FHIR/R4")))
                .hasToString("http://127.0.0.1:8720/oauth2/token");
        assertThat(s.tokenUrl(system("int", "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4")))
                .hasToString("https://int.api.service.nhs.uk/oauth2/token");
        assertThat(ApimSettings.from(config("")).tokenUrl(system("dev", "http://127.0.0.1:8710/personal-demographics/FHIR/R4")))
                .hasToString("http://127.0.0.1:8710/oauth2/token");
    }

    @Test
    void aMalformedTokenUrlsEntryFailsNamingPidKeyAndForm() {
        for (String bad : new String[] {"dev", "=http://h/t", "dev=ftp://h/t", "dev=not a url", "dev=http://u:p@h/t",
                "dev=http://a/t,dev=http://b/t"}) {
            assertThatThrownBy(() -> ApimSettings.from(config(bad))).as(bad)
                    .isInstanceOf(InvalidConfigurationException.class)
                    .hasMessageContaining("io.holdfast.auth.apim").hasMessageContaining("tokenUrls")
                    .hasMessageContaining("env=http(s)://host[:port]/path");
        }
    }

    private static DownstreamSystem system(String env, String endpoint) {
        return new DownstreamSystem("pds", "PDS", Optional.empty(), env, "HTTP", WireFormat.fhirR4(), endpoint,
                AuthPattern.OAUTH2_SIGNED_JWT, Optional.empty(), Optional.empty());
    }

    private static ApimAuthConfig config(String tokenUrls) {
        return new ApimAuthConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ApimAuthConfig.class;
            }

            @Override
            public String tokenPath() {
                return "/oauth2/token";
            }

            @Override
            public String tokenUrls() {
                return tokenUrls;
            }

            @Override
            public int assertionLifetimeSeconds() {
                return 240;
            }

            @Override
            public int refreshMarginSeconds() {
                return 60;
            }

            @Override
            public int requestTimeoutSeconds() {
                return 10;
            }
        };
    }
}
