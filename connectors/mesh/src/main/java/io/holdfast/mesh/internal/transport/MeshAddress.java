package io.holdfast.mesh.internal.transport;

import io.holdfast.mesh.protocol.MeshHeaders;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A MESH target as the inventory writes its endpoint: {@code mesh:X26ABC2?workflow=WF&from=X26ABC1}
 * (recipient mailbox; workflow unless the request's {@code mex-WorkflowID} header gives it; the
 * sending mailbox unless only one is configured).
 */
record MeshAddress(String to, String workflowId, Optional<String> from) {

    static MeshAddress parse(String endpoint, Map<String, String> headers) {
        String spec = endpoint.trim();
        if (spec.startsWith("mesh://")) {
            spec = spec.substring("mesh://".length());
        } else if (spec.startsWith("mesh:")) {
            spec = spec.substring("mesh:".length());
        }
        int q = spec.indexOf('?');
        String to = q < 0 ? spec : spec.substring(0, q);
        Map<String, String> params = new HashMap<>();
        if (q >= 0) {
            for (String kv : spec.substring(q + 1).split("&")) {
                int eq = kv.indexOf('=');
                if (eq > 0) {
                    params.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        if (to.isBlank()) {
            throw new IllegalArgumentException("MESH endpoint '" + endpoint + "' names no recipient mailbox; expected mesh:<mailbox>?workflow=<id>");
        }
        String workflow = Optional.ofNullable(headers.get(MeshHeaders.WORKFLOW_ID)).orElse(params.get("workflow"));
        if (workflow == null || workflow.isBlank()) {
            throw new IllegalArgumentException("MESH endpoint '" + endpoint + "' has no workflow id and the request sets no "
                    + MeshHeaders.WORKFLOW_ID);
        }
        return new MeshAddress(to.toUpperCase(), workflow, Optional.ofNullable(params.get("from")).map(String::toUpperCase));
    }

    static MeshMailbox pick(List<MeshMailbox> mailboxes, Optional<String> from) {
        if (from.isPresent()) {
            return mailboxes.stream().filter(m -> m.settings().mailboxId().equalsIgnoreCase(from.get())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no MESH mailbox " + from.get() + " is configured to send from"));
        }
        if (mailboxes.size() != 1) {
            throw new IllegalArgumentException(mailboxes.isEmpty() ? "no MESH mailbox is configured"
                    : "several MESH mailboxes are configured; the endpoint must say from=<mailbox>");
        }
        return mailboxes.get(0);
    }

}
