package io.holdfast.inventory.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Turns text input (shell options, later REST forms) into a {@link DownstreamSystem}; the service validates it. */
public final class SystemFields {

    private SystemFields() {
    }

    /** Parses the fields; {@code null} optional values mean absent. */
    public static DownstreamSystem parse(String id, String name, String odsCode, String environment, String transport,
                                         String format, String endpoint, String authPattern, String credentialRef,
                                         String ownerContact) {
        return new DownstreamSystem(text(id), text(name), Optional.ofNullable(odsCode), text(environment), text(transport),
                WireFormat.parse(text(format)), text(endpoint), authPattern(authPattern), Optional.ofNullable(credentialRef),
                Optional.ofNullable(ownerContact));
    }

    /** The pattern named by {@code text} (case-insensitive), or an error listing the allowed ones. */
    public static AuthPattern authPattern(String text) {
        String name = text(text).toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            return AuthPattern.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new HoldfastException(ErrorCode.INVALID_CONFIGURATION, "auth pattern '" + SystemValidator.printable(text(text))
                    + "' is not one of " + allowedPatterns() + "; nothing was saved");
        }
    }

    public static String allowedPatterns() {
        return Arrays.stream(AuthPattern.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String text(String value) {
        return value == null ? "" : value.trim();
    }
}
