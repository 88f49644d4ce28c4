package io.holdfast.simulator.pds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JSON Patch (RFC 6902: add, replace, remove, test) with the published PDS rules (patient-patch.yaml):
 * the body is {@code {"patches": [...]}}; only Patient fields PDS updates may be touched; a new item of
 * a top-level list is added at {@code -} and gets a server-made {@code id}; removing a list item must be
 * immediately preceded by a {@code test} of that item, its {@code id} or its {@code url}; all or nothing.
 * Business rules beyond these (periods, who may change what) are not applied, as in the NHS sandbox.
 */
final class JsonPatcher {
    private static final Set<String> OPS = Set.of("add", "replace", "remove", "test");
    private static final Set<String> UPDATABLE = Set.of("name", "gender", "birthDate", "deceasedDateTime", "address", "telecom",
            "contact", "generalPractitioner", "extension", "multipleBirthInteger", "managingOrganization", "communication");
    static final String NO_PATCHES = "Invalid update with error - No patches found";
    private final AtomicLong objectIds = new AtomicLong(0x5E000000L);

    /** Reads and checks the operations; nothing is applied yet. */
    List<JsonPatchOperation> parse(JsonNode body) {
        JsonNode patches = body == null ? null : body.get("patches");
        if (!(patches instanceof ArrayNode list) || list.isEmpty()) {
            throw PdsError.invalidUpdate(NO_PATCHES);
        }
        List<JsonPatchOperation> ops = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ops.add(operation(list.get(i), i));
        }
        checkRemovalsAreTested(ops);
        return List.copyOf(ops);
    }

    private static JsonPatchOperation operation(JsonNode patch, int index) {
        String op = patch.path("op").asText("");
        if (!OPS.contains(op)) {
            throw PdsError.invalidValue("Invalid value - '" + op + "' in field '" + index + "/op'");
        }
        String path = patch.path("path").asText("");
        List<String> tokens = JsonPatchOperation.pointerTokens(path);
        if (!UPDATABLE.contains(tokens.get(0))) {
            throw PdsError.invalidUpdate("Invalid update with error - Update unsupported for resource - '" + tokens.get(0) + "'");
        }
        Optional<JsonNode> value = Optional.ofNullable(patch.get("value"));
        if (value.isEmpty() && !op.equals("remove")) {
            throw PdsError.invalidUpdate("Invalid update with error - Invalid patch - '" + op + "' of '" + path + "' has no value");
        }
        JsonPatchOperation parsed = new JsonPatchOperation(op, path, tokens, value);
        if (op.equals("add") && parsed.topLevelListItem() && !tokens.get(1).equals("-") && isIndex(tokens.get(1))) {
            throw PdsError.invalidUpdate("Invalid update with error - a new '" + tokens.get(0) + "' item must be added at '/"
                    + tokens.get(0) + "/-'");
        }
        return parsed;
    }

    private static void checkRemovalsAreTested(List<JsonPatchOperation> ops) {
        for (int i = 0; i < ops.size(); i++) {
            JsonPatchOperation op = ops.get(i);
            if (!op.op().equals("remove") || !op.topLevelListItem()) {
                continue;
            }
            JsonPatchOperation before = i > 0 ? ops.get(i - 1) : null;
            boolean tested = before != null && before.op().equals("test") && (before.path().equals(op.path())
                    || before.path().equals(op.path() + "/id") || before.path().equals(op.path() + "/url"));
            if (!tested) {
                throw PdsError.invalidUpdate("Invalid update with error - removal '" + op.path()
                        + "' is not immediately preceded by equivalent test");
            }
        }
    }

    /** Applies every operation to {@code record} (a private copy) or fails on the first that cannot apply. */
    ObjectNode apply(ObjectNode record, List<JsonPatchOperation> ops) {
        for (JsonPatchOperation op : ops) {
            try {
                applyOne(record, op);
            } catch (PatchFailure e) {
                throw PdsError.invalidUpdate("Invalid update with error - Invalid patch - " + e.getMessage());
            }
        }
        return record;
    }

    private void applyOne(ObjectNode record, JsonPatchOperation op) {
        List<String> tokens = op.tokens();
        if (op.op().equals("add") && op.topLevelListItem() && tokens.get(1).equals("-") && !record.has(op.root())) {
            record.putArray(op.root());
        }
        JsonNode parent = navigate(record, tokens.subList(0, tokens.size() - 1), op.path());
        String last = tokens.get(tokens.size() - 1);
        switch (op.op()) {
            case "add" -> add(parent, last, withServerId(op), op.path());
            case "replace" -> replace(parent, last, op.value().orElseThrow(), op.path());
            case "remove" -> remove(parent, last, op.path());
            default -> test(parent, last, op.value().orElseThrow(), op.path());
        }
    }

    /** New top-level list items get an object id made by the server, as PDS does. */
    private JsonNode withServerId(JsonPatchOperation op) {
        JsonNode value = op.value().orElseThrow().deepCopy();
        if (op.topLevelListItem() && value instanceof ObjectNode item && !item.has("id") && !op.root().equals("extension")) {
            item.put("id", Long.toHexString(objectIds.incrementAndGet()).toUpperCase(java.util.Locale.ROOT));
        }
        return value;
    }

    private static JsonNode navigate(JsonNode from, List<String> tokens, String path) {
        JsonNode node = from;
        for (String token : tokens) {
            JsonNode next = node.isArray() ? (isIndex(token) ? node.get(Integer.parseInt(token)) : null) : node.get(token);
            if (next == null) {
                throw new PatchFailure("can't find '" + token + "' on the way to '" + path + "'");
            }
            node = next;
        }
        return node;
    }

    private static void add(JsonNode parent, String last, JsonNode value, String path) {
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            if (last.equals("-")) {
                array.add(value);
            } else {
                array.insert(index(array, last, true, path), value);
            }
        } else {
            throw new PatchFailure("'" + path + "' is inside a value that is not an object or list");
        }
    }

    private static void replace(JsonNode parent, String last, JsonNode value, String path) {
        existing(parent, last, path);
        if (parent instanceof ObjectNode object) {
            object.set(last, value.deepCopy());
        } else {
            ((ArrayNode) parent).set(index((ArrayNode) parent, last, false, path), value.deepCopy());
        }
    }

    private static void remove(JsonNode parent, String last, String path) {
        existing(parent, last, path);
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else {
            ((ArrayNode) parent).remove(index((ArrayNode) parent, last, false, path));
        }
    }

    private static void test(JsonNode parent, String last, JsonNode expected, String path) {
        if (!existing(parent, last, path).equals(expected)) {
            throw new PatchFailure("test of '" + path + "' failed: the value differs");
        }
    }

    private static JsonNode existing(JsonNode parent, String last, String path) {
        JsonNode current = parent instanceof ArrayNode array ? array.get(index(array, last, false, path)) : parent.get(last);
        if (current == null) {
            throw new PatchFailure("can't change non-existent object '" + path + "'");
        }
        return current;
    }

    private static int index(ArrayNode array, String token, boolean forInsert, String path) {
        int limit = forInsert ? array.size() : array.size() - 1;
        if (!isIndex(token) || Integer.parseInt(token) > limit) {
            throw new PatchFailure("index '" + token + "' is out of bounds for '" + path + "'");
        }
        return Integer.parseInt(token);
    }

    private static boolean isIndex(String token) {
        return !token.isEmpty() && token.length() < 6 && token.chars().allMatch(Character::isDigit);
    }

    /** One operation that cannot apply to the record as it is. */
    private static final class PatchFailure extends RuntimeException {
        PatchFailure(String message) {
            super(message, null, false, false);
        }
    }
}
