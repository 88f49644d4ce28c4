package io.holdfast.pds.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.pds.CallContext;
import io.holdfast.pds.PatchOperation;
import io.holdfast.pds.UpdateRequest;
import io.holdfast.pds.UpdateResult;
import io.holdfast.pds.internal.PdsCalls.Reading;
import io.holdfast.pds.internal.cache.PatientCache;
import io.holdfast.pds.internal.codec.PdsJson;
import io.holdfast.pds.internal.codec.PdsRecords;
import io.holdfast.pds.internal.transport.PdsAnswer;
import io.holdfast.pds.internal.transport.PdsAuth;
import io.holdfast.pds.internal.transport.PdsRequest;
import java.util.Optional;

/**
 * A PDS update: {@code PATCH /Patient/{nhs}}, {@code Content-Type: application/json-patch+json}, body
 * {@code {"patches": [RFC 6902 operations]}}, {@code If-Match: W/"<version>"}, user-restricted. PDS applies all
 * operations or none. A stale version is 409 RESOURCE_VERSION_MISMATCH; a missing or malformed {@code If-Match} 412
 * PRECONDITION_FAILED. The cached copy (if any) is dropped whatever the answer, since the record may have changed.
 */
final class UpdateCall {
    private final PdsCalls calls;
    private final PdsRecords records;
    private final PatientCache cache;

    UpdateCall(PdsCalls calls, PdsRecords records, PatientCache cache) {
        this.calls = calls;
        this.records = records;
        this.cache = cache;
    }

    UpdateResult update(DownstreamSystem system, PdsAuth user, UpdateRequest request, CallContext context) {
        byte[] body;
        try {
            body = body(request);
        } catch (JsonProcessingException e) {
            return new UpdateResult.Refused(0, "INVALID_VALUE", "a patch value is not JSON text (" + e.getOriginalMessage()
                    + "); nothing was sent");
        }
        String path = "/Patient/" + request.nhsNumber().value();
        PdsRequest pds = new PdsRequest("PATCH", path, path + " " + request.patches(), PdsCalls.newRequestId(),
                PdsCalls.correlation(context), Optional.of("W/\"" + request.expectedVersion() + "\""), Optional.of(body));
        cache.invalidate(system.environment(), request.nhsNumber());
        UpdateResult result = calls.call(system, "update", pds, user, a -> read(system, request, a), UpdateResult.Failed::new);
        cache.invalidate(system.environment(), request.nhsNumber());
        return result;
    }

    static byte[] body(UpdateRequest request) throws JsonProcessingException {
        ObjectNode root = PdsJson.mapper().createObjectNode();
        ArrayNode patches = root.putArray("patches");
        for (PatchOperation op : request.patches()) {
            ObjectNode p = patches.addObject();
            p.put("op", op.op());
            p.put("path", op.path());
            if (op.valueJson().isPresent()) {
                p.set("value", PdsJson.mapper().readTree(op.valueJson().get()));
            }
        }
        return PdsJson.bytes(root);
    }

    private Reading<UpdateResult> read(DownstreamSystem system, UpdateRequest request, PdsAnswer.Answered a) {
        if (a.status() == 200) {
            Optional<JsonNode> json = PdsAnswers.json(a);
            Optional<PdsRecords.Read> read = json.flatMap(j -> records.read(j, a.etag()));
            if (read.isEmpty()) {
                return new Reading<>(new UpdateResult.Failed(PdsAnswers.badResponse(a, "no usable Patient after the update")),
                        json.map(PdsJson::withoutRestrictedFields).map(PdsJson::bytes), "updated, answer unusable");
            }
            return new Reading<>(new UpdateResult.Updated(read.get().record()), Optional.of(PdsJson.bytes(read.get().kept())),
                    "updated to v" + read.get().record().version());
        }
        PdsJson.Outcome o = PdsAnswers.outcome(a);
        UpdateResult result = switch (o.code()) {
            case "RESOURCE_VERSION_MISMATCH" -> new UpdateResult.VersionMismatch(request.expectedVersion());
            case "RESOURCE_NOT_FOUND" -> new UpdateResult.NotFound();
            case "INVALIDATED_RESOURCE" -> new UpdateResult.Invalidated();
            case "INVALID_RESOURCE_ID" -> new UpdateResult.InvalidNumber("PDS refused the number as invalid (INVALID_RESOURCE_ID)");
            default -> a.status() >= 400 && a.status() < 500 && a.status() != 429 && a.status() != 408 && a.status() != 401
                    ? new UpdateResult.Refused(a.status(), o.code(), o.diagnostics())
                    : new UpdateResult.Failed(PdsAnswers.failure(a, system.id()));
        };
        return new Reading<>(result, Optional.of(a.body()), o.code());
    }
}
