package io.holdfast.credentials.internal.pki;

import io.holdfast.credentials.api.CredentialImportException;
import io.holdfast.credentials.api.CredentialImportException.Reason;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.credentials.internal.material.Secret;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Checks secret text values (API keys, passwords, shared secrets) without ever echoing them. */
final class TextValues {
    private static final int API_KEY_MAX = 512;
    private static final int SECRET_MAX = 4096;

    private TextValues() {
    }

    static Secret secret(ImportRequest request, CredentialKind kind) {
        if (request.parts().size() != 1) {
            throw new CredentialImportException(Reason.UNEXPECTED_PART, "a " + kind + " is one value, not "
                    + request.parts().size() + " files");
        }
        char[] chars = decode(request.parts().get(0));
        try {
            int end = chars.length;
            while (end > 0 && (chars[end - 1] == '\n' || chars[end - 1] == '\r' || (kind == CredentialKind.API_KEY && chars[end - 1] == ' '))) {
                end--;
            }
            char[] value = Arrays.copyOf(chars, end);
            try {
                check(value, kind);
                return Secret.of(value);
            } finally {
                Arrays.fill(value, '\0');
            }
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static void check(char[] value, CredentialKind kind) {
        if (value.length == 0) {
            throw new CredentialImportException(Reason.INVALID_VALUE, "the " + kind + " value is empty");
        }
        int max = kind == CredentialKind.API_KEY ? API_KEY_MAX : SECRET_MAX;
        if (value.length > max) {
            throw new CredentialImportException(Reason.INVALID_VALUE, "the " + kind + " value has " + value.length
                    + " characters; at most " + max + " are allowed");
        }
        for (char c : value) {
            boolean bad = kind == CredentialKind.API_KEY ? c < 0x21 || c > 0x7e : Character.isISOControl(c);
            if (bad) {
                throw new CredentialImportException(Reason.INVALID_VALUE, kind == CredentialKind.API_KEY
                        ? "an API key is visible ASCII characters without spaces"
                        : "the " + kind + " value contains control characters (line breaks inside, tabs)");
            }
        }
    }

    private static char[] decode(byte[] bytes) {
        try {
            CharBuffer buffer = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            char[] chars = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
            Arrays.fill(buffer.array(), '\0');
            return chars;
        } catch (CharacterCodingException e) {
            throw new CredentialImportException(Reason.MALFORMED, "the value is not valid UTF-8 text");
        }
    }
}
