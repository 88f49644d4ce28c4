package io.holdfast.api.kernel;

import java.util.Locale;

/**
 * Whether this Holdfast instance is a production runtime or a sandbox. The distribution carries the
 * marker as the system property {@value #PROPERTY} in {@code etc/system.properties}: {@code production}
 * unless {@code ./holdfast sandbox} set it to {@code sandbox}. Anything other than {@code sandbox}
 * (absent, misspelt) counts as production, so a mistake fails safe.
 *
 * <p>Sandbox-only conveniences (a passphrase in an environment variable, a generated local admin
 * account, simulators writing into the journal) check {@link #isSandbox()} and refuse otherwise.
 */
@org.osgi.annotation.versioning.ProviderType
public enum RuntimeMode {
    PRODUCTION, SANDBOX;

    public static final String PROPERTY = "holdfast.mode";

    public static RuntimeMode current() {
        return parse(System.getProperty(PROPERTY));
    }

    public static RuntimeMode parse(String value) {
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("sandbox") ? SANDBOX : PRODUCTION;
    }

    public boolean isSandbox() {
        return this == SANDBOX;
    }
}
