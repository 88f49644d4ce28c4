package io.holdfast.credentials.internal.auth;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import org.osgi.service.component.annotations.Component;

/** NONE: no credentials (e.g. an MLLP feed on a private network). */
@Component(service = AuthProvider.class, property = "holdfast.auth.pattern=NONE")
public class NoneAuthProvider implements AuthProvider {

    @Override
    public AuthPattern pattern() {
        return AuthPattern.NONE;
    }

    @Override
    public AuthMaterial authenticate(DownstreamSystem system) {
        return new AuthMaterial.None();
    }
}
