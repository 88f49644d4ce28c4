package io.holdfast.journal.internal;

import io.holdfast.keys.api.MasterKeys;
import io.holdfast.keys.api.SealedText;

/**
 * Stage detail is free text that may quote a patient (a downstream's error echoing a
 * demographics field, a rejection quoting the input), so it is stored sealed like payloads
 * ({@link SealedText}: {@code hfe1:} ‖ base64, master PAYLOAD key), bound to the stage's sequence
 * number so a value copied onto another row does not open. The hash chain covers this stored
 * form, so verifying needs no key. Rows written before this (clear text) have no prefix and read as
 * they are. Plain text is cut to {@value #MAX_PLAIN_BYTES} UTF-8 bytes so the sealed form fits the
 * 1000-character column.
 */
final class DetailCipher {
    static final String PREFIX = SealedText.PREFIX;
    static final int MAX_PLAIN_BYTES = SealedText.BUDGET_FOR_1000;

    private final MasterKeys keys;

    DetailCipher(MasterKeys keys) {
        this.keys = keys;
    }

    /** The stored form of a stage's detail; empty stays empty (nothing to hide). */
    String seal(long seq, String detail) {
        return SealedText.seal(keys, detail, MAX_PLAIN_BYTES, binding(seq));
    }

    /** The detail as written; a legacy clear value is returned unchanged. */
    String open(long seq, String stored) {
        return stored == null ? "" : SealedText.open(keys, stored, binding(seq));
    }

    private static String binding(long seq) {
        return "journal_stage.detail:" + seq;
    }
}
