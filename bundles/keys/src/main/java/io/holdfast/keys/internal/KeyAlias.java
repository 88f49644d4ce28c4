package io.holdfast.keys.internal;

import io.holdfast.keys.api.KeyPurpose;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keystore alias of a purpose key version, e.g. {@code payload-v1}, {@code field_digest-v1}. */
record KeyAlias(KeyPurpose purpose, int version) {
    private static final Pattern FORM = Pattern.compile("([a-z_]+)-v([1-9][0-9]{0,8})");

    String alias() {
        return purpose.name().toLowerCase(Locale.ROOT) + "-v" + version;
    }

    /** Empty for aliases this code did not write (they are left alone, not deleted). */
    static Optional<KeyAlias> parse(String alias) {
        Matcher m = FORM.matcher(alias.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        for (KeyPurpose purpose : KeyPurpose.values()) {
            if (purpose.name().toLowerCase(Locale.ROOT).equals(m.group(1))) {
                return Optional.of(new KeyAlias(purpose, Integer.parseInt(m.group(2))));
            }
        }
        return Optional.empty();
    }
}
