package io.holdfast.simulator.pds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One RFC 6902 operation of a PDS patch: op, the JSON Pointer split into unescaped tokens, and the value. */
record JsonPatchOperation(String op, String path, List<String> tokens, Optional<JsonNode> value) {

    static List<String> pointerTokens(String path) {
        if (!path.startsWith("/") || path.length() < 2) {
            throw PdsError.invalidUpdate("Invalid update with error - Invalid patch - '" + path + "' is not a JSON pointer to a field");
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : path.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return List.copyOf(tokens);
    }

    String root() {
        return tokens.get(0);
    }

    /** A whole item of a top-level list, such as {@code /name/1} or {@code /name/-}. */
    boolean topLevelListItem() {
        return tokens.size() == 2;
    }
}
