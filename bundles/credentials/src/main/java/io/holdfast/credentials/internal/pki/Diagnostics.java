package io.holdfast.credentials.internal.pki;

import java.util.regex.Pattern;

/** Library error text made safe to show: long base64 or hex runs (possible key material) are cut out. */
final class Diagnostics {
    private static final Pattern LONG_TOKEN = Pattern.compile("[A-Za-z0-9+/=_-]{24,}");

    private Diagnostics() {
    }

    static String safe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String cleaned = LONG_TOKEN.matcher(message).replaceAll("...").replaceAll("\\s+", " ").trim();
        return cleaned.length() > 160 ? cleaned.substring(0, 157) + "..." : cleaned;
    }
}
