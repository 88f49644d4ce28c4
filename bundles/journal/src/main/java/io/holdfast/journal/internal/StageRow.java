package io.holdfast.journal.internal;

import io.holdfast.api.kernel.PayloadInfo;
import java.util.Optional;

/**
 * A journal_stage row and its canonical form: the exact text that is hashed into the chain and
 * stored beside the columns, so verification re-hashes stored bytes (not values re-rendered by
 * another database) and also notices a column edited without its canonical form.
 */
record StageRow(long seq, long journalId, String stage, long atMillis, String systemId, String credential,
                String detail, Optional<PayloadInfo> payload, String covered) {

    static final String GENESIS = "0".repeat(64);

    String canon() {
        return "v1|" + seq + "|" + journalId + "|" + stage + "|" + atMillis + "|" + escape(systemId) + "|" + escape(credential)
                + "|" + Hashing.sha256(detail) + "|" + payload.map(p -> p.ref() + ":" + p.size() + ":" + p.sha256()).orElse("")
                + "|" + covered;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|");
    }
}
