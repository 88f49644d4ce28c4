package io.holdfast.api.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Clazz;
import aQute.bnd.osgi.EmbeddedResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every public type of the API says who implements it, because that decides what baselining
 * counts as a breaking change: {@code @ConsumerType} (connectors implement it: a new abstract
 * method is major) or {@code @ProviderType} (only the kernel implements it, or it cannot be
 * implemented at all: a new method is minor). Read from the class files, as bnd reads them (the
 * annotations are not visible at run time).
 */
class ApiTypeRolesTest {

    private static final String PROVIDER = "org.osgi.annotation.versioning.ProviderType";
    private static final String CONSUMER = "org.osgi.annotation.versioning.ConsumerType";

    private static final Map<String, List<String>> ROLES = new TreeMap<>();

    @BeforeAll
    static void readRoles() throws Exception {
        try (Analyzer analyzer = new Analyzer(); Stream<Path> files = Files.walk(ApiBundles.CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                Clazz clazz = new Clazz(analyzer, file.toString(), new EmbeddedResource(Files.readAllBytes(file), 0L));
                clazz.parseClassFile();
                if (needsRole(clazz)) {
                    List<String> roles = new ArrayList<>();
                    clazz.annotations().forEach(a -> {
                        if (a.getFQN().equals(PROVIDER) || a.getFQN().equals(CONSUMER)) {
                            roles.add(a.getShortName());
                        }
                    });
                    ROLES.put(clazz.getClassName().getFQN(), roles);
                }
            }
        }
    }

    /** Top-level public types, and nested ones someone could implement or extend. */
    private static boolean needsRole(Clazz clazz) throws IOException {
        if (!clazz.isPublic() || clazz.getClassName().getFQN().endsWith(".package-info")) {
            return false;
        }
        boolean nested = clazz.getClassName().getFQN().contains("$");
        return !nested || clazz.isInterface() || !clazz.isFinal();
    }

    @Test
    void everyPublicTypeHasExactlyOneRole() {
        assertThat(ROLES).as("public API types found").hasSizeGreaterThan(50);
        assertThat(ROLES).allSatisfy((type, roles) ->
                assertThat(roles).as(type + " needs exactly one of @ProviderType / @ConsumerType").hasSize(1));
    }

    @Test
    void whatConnectorsImplementIsAConsumerType() {
        assertThat(ROLES).contains(
                Map.entry("io.holdfast.api.spi.Codec", List.of("ConsumerType")),
                Map.entry("io.holdfast.api.spi.OutboundTransport", List.of("ConsumerType")),
                Map.entry("io.holdfast.api.spi.AuthProvider", List.of("ConsumerType")),
                Map.entry("io.holdfast.api.spi.ReconciliationSource", List.of("ConsumerType")),
                Map.entry("io.holdfast.api.event.ClinicalEvent", List.of("ConsumerType")),
                Map.entry("io.holdfast.api.error.HoldfastException", List.of("ConsumerType")),
                Map.entry("io.holdfast.api.message.Payload$Opener", List.of("ConsumerType")));
    }

    @Test
    void everyKernelServiceIsAProviderType() {
        assertThat(ROLES).hasEntrySatisfying("io.holdfast.api.kernel.TlsMaterialSource",
                roles -> assertThat(roles).containsExactly("ProviderType"));
        ROLES.forEach((type, roles) -> {
            if (type.startsWith("io.holdfast.api.kernel.")) {
                assertThat(roles).as(type + ": the kernel implements its services").containsExactly("ProviderType");
            }
        });
    }
}
