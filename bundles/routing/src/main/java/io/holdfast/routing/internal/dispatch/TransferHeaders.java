package io.holdfast.routing.internal.dispatch;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.FileTransfer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Request headers that keep a forwarded file's metadata: a {@link FileTransfer} sent on (e.g. a MESH
 * file forwarded to another mailbox) keeps its file name ({@value #FILE_NAME}) and subject
 * ({@value #SUBJECT}, from the attribute {@value #SUBJECT_ATTRIBUTE} the MESH connector records), which
 * the MESH transport puts on the copy it sends. {@code mex-LocalID} is deliberately not copied: the
 * transport sets it to the request id, which differs per target (see README, "Forwarded files").
 */
final class TransferHeaders {
    static final String FILE_NAME = "mex-FileName";
    static final String SUBJECT = "mex-Subject";
    static final String SUBJECT_ATTRIBUTE = "mesh.subject";

    private TransferHeaders() {
    }

    static Map<String, String> of(ClinicalEvent event) {
        if (!(event instanceof FileTransfer file)) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        file.fileName().filter(n -> !n.isBlank()).ifPresent(n -> headers.put(FILE_NAME, n));
        Optional.ofNullable(file.attributes().get(SUBJECT_ATTRIBUTE)).filter(s -> !s.isBlank())
                .ifPresent(s -> headers.put(SUBJECT, s));
        return headers;
    }
}
