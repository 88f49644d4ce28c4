package io.holdfast.pds.internal;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.pds.internal.codec.LibFhirPatientMapping;
import io.holdfast.pds.internal.config.PdsSettings;
import io.holdfast.pds.internal.transport.AuthProviders;
import io.holdfast.pds.internal.transport.TokenBucket;
import io.holdfast.testkit.RouteMode;
import io.holdfast.testkit.TestKernel;
import io.holdfast.testkit.TestKernelBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connector as the DS component wires it, on the real kernel (journal-only Intake, embedded Derby in the test's
 * folder) against a PDS endpoint: the simulator or a test's own stub. The inventory entry {@value #SYSTEM} has
 * environment {@code test}; its auth is the kernel's NONE provider unless the test gives its own.
 */
public final class PdsFixture implements AutoCloseable {
    public static final String SYSTEM = "pds";
    public final TestKernel kernel;
    public final AuthProviders auth = new AuthProviders();
    public final PdsClient client;

    private PdsFixture(TestKernel kernel, PdsSettings settings, TokenBucket bucket, Optional<AuthProvider> provider) {
        this.kernel = kernel;
        AuthPattern pattern = kernel.inventory().require(SYSTEM).authPattern();
        auth.add(provider.orElseGet(() -> kernel.authProvider(pattern).orElseThrow()), Map.of(AuthProviders.PATTERN_PROPERTY, pattern.name()));
        this.client = PdsClients.create(new PdsClients.Parts(settings, kernel.inventory(), kernel.intake(), auth,
                new LibFhirPatientMapping(), bucket, Clock.systemUTC()));
    }

    public static PdsFixture start(Path dir, String endpoint, PdsSettings settings) {
        return start(dir, endpoint, settings, Optional.empty(), b -> b);
    }

    /**
     * The kernel runs in production's route mode (require-route, no route configured): a PDS call is journaled as an
     * exchange, which that mode must not refuse. {@code provider}: an auth provider of the test's own for the entry (pattern OAUTH2_SIGNED_JWT, as PDS's is). */
    public static PdsFixture start(Path dir, String endpoint, PdsSettings settings, Optional<AuthProvider> provider,
                                   java.util.function.UnaryOperator<TestKernelBuilder> more) {
        AuthPattern pattern = provider.isPresent() ? AuthPattern.OAUTH2_SIGNED_JWT : AuthPattern.NONE;
        TestKernel kernel = more.apply(TestKernel.builder(dir).routeMode(RouteMode.REQUIRE_ROUTE).system(new DownstreamSystem(SYSTEM, "PDS", Optional.empty(),
                "test", "HTTP", WireFormat.fhirR4(), endpoint, pattern, provider.map(p -> SYSTEM), Optional.empty()))).start();
        return new PdsFixture(kernel, settings, new TokenBucket(settings.tps()), provider);
    }

    /** Journal entries of PDS calls (channel {@code pds:<operation>}), newest first. */
    public List<JournalEntry> calls() {
        return kernel.journal().bySystem(SYSTEM, 100).stream().filter(e -> e.channel().startsWith("pds:")).toList();
    }

    /** The RESPONSE stage of a PDS call's journal entry. */
    public static StageEntry response(JournalEntry e) {
        return e.stages().stream().filter(s -> s.stage() == Stage.RESPONSE).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        kernel.close();
    }
}
