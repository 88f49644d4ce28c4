package io.holdfast.ers.internal;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.ers.internal.codec.ErsStu3Codec;
import io.holdfast.ers.internal.config.ErsRole;
import io.holdfast.ers.internal.config.ErsRoles;
import io.holdfast.ers.internal.config.ErsSettings;
import io.holdfast.ers.internal.transport.ErsAuthSources;
import io.holdfast.testkit.RouteMode;
import io.holdfast.testkit.TestKernel;
import io.holdfast.testkit.TestKernelBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The connector as the DS components wire it, on the real kernel (production's require-route mode, embedded Derby in
 * the test's folder) against an e-RS endpoint. Inventory entry {@value #SYSTEM}: transport HTTP, format ERS:STU3, auth
 * OAUTH2_SIGNED_JWT served by the test's {@link TestAuth.Provider}, ODS code R69.
 */
public final class ErsFixture implements AutoCloseable {
    public static final String SYSTEM = "ers";
    public final TestKernel kernel;
    public final ErsAuthSources auth = new ErsAuthSources();
    public final ErsRoles roles = new ErsRoles();
    public final ErsClient client;

    private ErsFixture(TestKernel kernel, ErsSettings settings, ErsRole role) {
        this.kernel = kernel;
        auth.add(kernel.authProvider(AuthPattern.OAUTH2_SIGNED_JWT).orElseThrow(), Map.of(ErsAuthSources.PATTERN_PROPERTY, "OAUTH2_SIGNED_JWT"));
        auth.exchange(TestAuth.exchange());
        roles.put(role);
        client = ErsClients.create(new ErsClients.Parts(settings, kernel.inventory(), kernel.intake(), auth, roles, Clock.systemUTC()));
    }

    public static ErsFixture start(Path dir, String endpoint, ErsSettings settings, ErsRole role, TestAuth.Provider provider,
                                   UnaryOperator<TestKernelBuilder> more) {
        TestKernel kernel = more.apply(TestKernel.builder(dir).routeMode(RouteMode.REQUIRE_ROUTE).authProvider(provider)
                .system(new DownstreamSystem(SYSTEM, "e-RS", Optional.of("R69"), "test", "HTTP", ErsStu3Codec.FORMAT, endpoint,
                        AuthPattern.OAUTH2_SIGNED_JWT, Optional.of(SYSTEM), Optional.empty()))).start();
        return new ErsFixture(kernel, settings, role);
    }

    /** A provider clinician's role: business function, ODS, service id and rejection reason set. */
    public static ErsRole providerClinician() {
        return new ErsRole(SYSTEM, "SERVICE_PROVIDER_CLINICIAN", Optional.empty(), Optional.of("R69"), Optional.of("11012"),
                Optional.of("SERVICE_INAPPROPRIATE"));
    }

    /** Journal entries of e-RS calls (channel {@code ers:<operation>}), newest first. */
    public List<JournalEntry> calls() {
        return kernel.journal().bySystem(SYSTEM, 200).stream().filter(e -> e.channel().startsWith("ers:")).toList();
    }

    public static StageEntry response(JournalEntry e) {
        return e.stages().stream().filter(s -> s.stage() == Stage.RESPONSE).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        kernel.close();
    }
}
