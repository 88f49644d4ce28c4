package io.holdfast.inventory.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes inventory entries as CSV (RFC 4180, header row) or JSON (an array of objects, absent
 * fields as null). Entries hold no secrets, only vault references.
 */
public enum SystemsExport {
    CSV, JSON;

    static final List<String> COLUMNS = List.of("id", "name", "ods_code", "environment", "transport", "format",
            "endpoint", "auth_pattern", "credential_ref", "owner_contact");

    /** The export format named by {@code text}, or an error listing csv and json. */
    public static SystemsExport named(String text) {
        String name = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (SystemsExport format : values()) {
            if (format.name().equals(name)) {
                return format;
            }
        }
        throw new HoldfastException(ErrorCode.INVALID_CONFIGURATION,
                "export format '" + SystemValidator.printable(String.valueOf(text)) + "' is not one of csv, json");
    }

    public void write(List<DownstreamSystem> systems, Writer out) throws IOException {
        if (this == CSV) {
            writeCsv(systems, out);
        } else {
            writeJson(systems, out);
        }
        out.flush();
    }

    private static void writeCsv(List<DownstreamSystem> systems, Writer out) throws IOException {
        out.write(String.join(",", COLUMNS));
        out.write("\r\n");
        for (DownstreamSystem s : systems) {
            List<String> cells = values(s);
            for (int i = 0; i < cells.size(); i++) {
                out.write(i == 0 ? "" : ",");
                out.write(csvCell(cells.get(i)));
            }
            out.write("\r\n");
        }
    }

    /**
     * Quotes per RFC 4180. A cell starting with = + - @ gets a leading apostrophe so a spreadsheet
     * does not evaluate it as a formula (CSV injection).
     */
    static String csvCell(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }

    private static void writeJson(List<DownstreamSystem> systems, Writer out) throws IOException {
        JsonGenerator json = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter();
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.writeStartArray();
        for (DownstreamSystem s : systems) {
            json.writeStartObject();
            List<String> cells = values(s);
            for (int i = 0; i < COLUMNS.size(); i++) {
                json.writeStringField(COLUMNS.get(i), cells.get(i));
            }
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeRaw('\n');
        json.close();
    }

    private static List<String> values(DownstreamSystem s) {
        return java.util.Arrays.asList(s.id(), s.name(), orNull(s.odsCode()), s.environment(), s.transport(),
                s.format().toString(), s.endpoint(), s.authPattern().name(), orNull(s.credentialRef()), orNull(s.ownerContact()));
    }

    private static String orNull(Optional<String> value) {
        return value.orElse(null);
    }
}
