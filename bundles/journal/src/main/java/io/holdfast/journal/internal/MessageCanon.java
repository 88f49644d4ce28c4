package io.holdfast.journal.internal;

import io.holdfast.api.kernel.PayloadInfo;
import java.util.Optional;

/** Canonical text of the rows a stage vouches for, so edits to them break the chain too. */
final class MessageCanon {
    private MessageCanon() {
    }

    static String message(String messageId, String correlationId, String source, String channel, long receivedAt,
                          String format, Optional<PayloadInfo> payload) {
        return Hashing.sha256(messageId + "\n" + correlationId + "\n" + source + "\n" + channel + "\n" + receivedAt + "\n"
                + format + "\n" + payload.map(p -> p.ref() + ":" + p.size() + ":" + p.sha256()).orElse(""));
    }

    static String event(int index, String type, String keyDigest, String nhsDigest, String claim) {
        return index + ":" + type + ":" + keyDigest + ":" + nhsDigest + ":" + claim + "\n";
    }
}
