package io.holdfast.credentials.internal.material;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A secret value (API key, password, shared secret). {@link #toString()} never shows it; callers get
 * copies they can zero.
 */
public final class Secret {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    public static Secret of(char[] value) {
        return new Secret(Arrays.copyOf(Objects.requireNonNull(value), value.length));
    }

    /** Decodes UTF-8 bytes (the caller zeroes its array). */
    public static Secret ofUtf8(byte[] bytes) {
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
        char[] value = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(chars.array(), '\0');
        return new Secret(value);
    }

    /** A copy of the characters; zero it when done. */
    public char[] chars() {
        return Arrays.copyOf(value, value.length);
    }

    /** For headers, which are strings anyway. */
    public String reveal() {
        return new String(value);
    }

    /** UTF-8 bytes; zero them when done. */
    public byte[] utf8() {
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        byte[] result = Arrays.copyOfRange(bytes.array(), bytes.position(), bytes.limit());
        Arrays.fill(bytes.array(), (byte) 0);
        return result;
    }

    public int length() {
        return value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && MessageDigest.isEqual(utf8(), other.utf8());
    }

    @Override
    public int hashCode() {
        return value.length;
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
