package io.holdfast.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import aQute.bnd.osgi.Builder;
import aQute.bnd.osgi.Jar;
import aQute.bnd.osgi.Resource;
import io.holdfast.api.spi.AuthPattern;
import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The inventory follows auth providers by their service properties and never takes a provider object: the shipped
 * providers need the vault and the vault needs the inventory, so taking one while the inventory activates is a
 * cycle that SCR failed at random boots (providers never instantiated: "installed: none" for every pattern).
 */
class AuthProviderReferenceTest {

    @Test
    void theAuthProviderReferenceBindsPropertiesOnlySoScrNeverGetsTheServiceObject() throws Exception {
        String xml = descriptor(InventoryService.class);
        assertThat(xml).contains("interface=\"io.holdfast.api.spi.AuthProvider\"")
                .contains("bind=\"addAuthPattern\"").contains("unbind=\"removeAuthPattern\"")
                .contains("target=\"(holdfast.auth.pattern=*)\"");
        for (String name : new String[] {"addAuthPattern", "removeAuthPattern"}) {
            Method m = Arrays.stream(InventoryService.class.getMethods()).filter(x -> x.getName().equals(name)).findFirst().orElseThrow();
            assertThat(m.getParameterTypes()).as(name + " takes the properties only").containsExactly(Map.class);
        }
    }

    @Test
    void aPatternKnownByItsPropertyIsInstalledUntilItsLastProviderLeaves() {
        InstalledAuthPatterns installed = new InstalledAuthPatterns();
        assertThat(installed.problem(AuthPattern.API_KEY)).isPresent();
        installed.added(Map.of(InstalledAuthPatterns.PROPERTY, "API_KEY"));
        installed.added(Map.of(InstalledAuthPatterns.PROPERTY, "API_KEY"));
        installed.removed(Map.of(InstalledAuthPatterns.PROPERTY, "API_KEY"));
        assertThat(installed.problem(AuthPattern.API_KEY)).isEmpty();
        installed.removed(Map.of(InstalledAuthPatterns.PROPERTY, "API_KEY"));
        assertThat(installed.problem(AuthPattern.API_KEY)).get().asString().contains("installed: none");
    }

    private static String descriptor(Class<?> component) throws Exception {
        try (Builder b = new Builder()) {
            b.addClasspath(new File("target/classes"));
            b.setProperty("-dsannotations", component.getName());
            b.setProperty("Private-Package", component.getPackageName());
            b.setProperty("-noimportjava", "true");
            Jar jar = b.build();
            Resource r = jar.getResource("OSGI-INF/" + component.getName() + ".xml");
            assertThat(r).as("DS descriptor (bnd errors: " + b.getErrors() + ")").isNotNull();
            try (InputStream in = r.openInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
