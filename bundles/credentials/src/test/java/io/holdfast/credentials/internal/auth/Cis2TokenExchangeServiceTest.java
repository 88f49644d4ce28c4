package io.holdfast.credentials.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Resource;
import io.holdfast.api.kernel.UserTokenExchange;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Connectors (PDS updates) find CIS2 token exchange as canonical-api's {@link UserTokenExchange} with
 * {@code holdfast.auth.pattern=CIS2_USER}, never as an {@code AuthProvider} (an unattended delivery has
 * no user token, and the inventory refuses CIS2_USER systems because no provider serves them).
 */
class Cis2TokenExchangeServiceTest {

    @Test
    void registeredAsCanonicalUserTokenExchangeForCis2User() throws Exception {
        String xml = descriptor(Cis2TokenExchange.class);
        assertThat(xml).contains("<provide interface=\"io.holdfast.api.kernel.UserTokenExchange\"/>")
                .contains("<property name=\"holdfast.auth.pattern\" type=\"String\" value=\"CIS2_USER\"/>")
                .doesNotContain("io.holdfast.api.spi.AuthProvider");
        assertThat(UserTokenExchange.PATTERN_FILTER).isEqualTo("(holdfast.auth.pattern=CIS2_USER)");
    }

    /** The descriptor bnd generates from the DS annotations, as the bundle build does. */
    private static String descriptor(Class<?> component) throws Exception {
        try (Builder b = new Builder()) {
            b.addClasspath(new File("target/classes"));
            b.setProperty("-dsannotations", component.getName());
            b.setProperty("Private-Package", component.getPackageName());
            b.setProperty("-noimportjava", "true");
            Jar jar = b.build();
            Resource r = jar.getResource("OSGI-INF/" + component.getName() + ".xml");
            assertThat(r).as("DS descriptor of " + component.getName() + " (bnd errors: " + b.getErrors() + ")").isNotNull();
            try (InputStream in = r.openInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
