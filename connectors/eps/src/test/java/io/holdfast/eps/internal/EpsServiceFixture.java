package io.holdfast.eps.internal;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.eps.internal.codec.EpsCodec;
import io.holdfast.eps.internal.config.EpsSettings;
import io.holdfast.eps.internal.transport.AuthProviders;
import io.holdfast.testkit.RouteMode;
import io.holdfast.testkit.TestKernel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The direct-call client as the DS component wires it, on the real kernel in production's route mode. */
public final class EpsServiceFixture implements AutoCloseable {
    public static final String SYSTEM = "eps";
    public final TestKernel kernel;
    public final AuthProviders auth = new AuthProviders();
    public final EpsClient client;

    public EpsServiceFixture(Path dir, String endpoint, EpsSettings settings, Optional<AuthProvider> provider) {
        AuthPattern pattern = provider.isPresent() ? AuthPattern.OAUTH2_SIGNED_JWT : AuthPattern.NONE;
        kernel = TestKernel.builder(dir).routeMode(RouteMode.REQUIRE_ROUTE).system(new DownstreamSystem(SYSTEM, "EPS", Optional.empty(), "test",
                "EPS", EpsCodec.FORMAT, endpoint, pattern, provider.map(p -> SYSTEM), Optional.empty())).start();
        auth.add(provider.orElseGet(() -> kernel.authProvider(pattern).orElseThrow()), Map.of(AuthProviders.PATTERN_PROPERTY, pattern.name()));
        client = EpsServiceComponent.create(settings, kernel.inventory(), kernel.intake(), auth);
    }

    @Override
    public void close() {
        kernel.close();
    }
}
