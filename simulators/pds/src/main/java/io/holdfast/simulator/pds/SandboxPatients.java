package io.holdfast.simulator.pds;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The NHS sandbox's test patients (patient-get.yaml "Sandbox test scenarios"), shaped like the
 * specification's example resources, plus this simulator's own cases for states the NHS sandbox
 * does not offer: a superseded number, an invalidated number and a very restricted (V) patient.
 */
public final class SandboxPatients {
    /** Full record, unrestricted (Jane Smith). */
    public static final String FULL = "9000000009";
    /** Restricted (R): address, telecom and GP are withheld (Janet Smythe). */
    public static final String RESTRICTED = "9000000025";
    /** Minimal data: identifier and meta only. */
    public static final String MINIMAL = "9000000033";
    /** A valid number with no record: 404 RESOURCE_NOT_FOUND. */
    public static final String NOT_FOUND = "9111231130";
    /** Fails the Modulus 11 check: 400 INVALID_RESOURCE_ID. */
    public static final String INVALID = "9000000000";
    /** Simulator extra: superseded by {@link #REPLACEMENT}. */
    public static final String SUPERSEDED = "9000000041";
    /** Simulator extra: the record that replaced {@link #SUPERSEDED}. */
    public static final String REPLACEMENT = "9000000068";
    /** Simulator extra: invalidated, not superseded: 404 INVALIDATED_RESOURCE. */
    public static final String INVALIDATED = "9000000076";
    /** Simulator extra: very restricted (V), withheld like R. */
    public static final String VERY_RESTRICTED = "9000000084";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SandboxPatients() {
    }

    static void load(PatientStore store) {
        for (String nhs : List.of(FULL, RESTRICTED, MINIMAL, REPLACEMENT, VERY_RESTRICTED, SUPERSEDED, INVALIDATED)) {
            store.put(read(nhs));
        }
        store.supersede(SUPERSEDED, REPLACEMENT);
        store.invalidate(INVALIDATED);
    }

    private static ObjectNode read(String nhs) {
        try (InputStream in = SandboxPatients.class.getResourceAsStream("patients/" + nhs + ".json")) {
            if (in == null) {
                throw new IllegalStateException("Missing bundled test patient " + nhs);
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
