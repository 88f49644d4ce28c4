package io.holdfast.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.instance.model.api.IBaseResource;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FHIR JSON in and out for one FHIR version, with a size cap. Thread-safe: a HAPI parser is cheap but
 * not thread-safe, so each call makes its own from the shared {@link FhirContexts context}. Every
 * problem is a {@link FhirException} whose message names the problem and HAPI's error code, never a
 * value of the payload.
 */
@org.osgi.annotation.versioning.ProviderType
public final class FhirJson {
    /** Default cap: 10 MB, the inbound FHIR endpoint's default body cap (issue 14). */
    public static final int DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
    private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+");

    private final FhirContext context;
    private final int maxBytes;

    private FhirJson(FhirContext context, int maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, was " + maxBytes);
        }
        this.context = context;
        this.maxBytes = maxBytes;
    }

    /** R4 JSON with the {@link #DEFAULT_MAX_BYTES default} cap. */
    public static FhirJson r4() {
        return new FhirJson(FhirContexts.r4(), DEFAULT_MAX_BYTES);
    }

    /** R4 JSON refusing payloads over {@code maxBytes} (UTF-8 bytes). */
    public static FhirJson r4(int maxBytes) {
        return new FhirJson(FhirContexts.r4(), maxBytes);
    }

    /**
     * STU3 JSON (e-RS) refusing payloads over {@code maxBytes}; needs feature {@code holdfast-lib-fhir-stu3}.
     *
     * @since 1.1
     */
    public static FhirJson stu3(int maxBytes) {
        return new FhirJson(FhirContexts.stu3(), maxBytes);
    }

    public int maxBytes() {
        return maxBytes;
    }

    public FhirContext context() {
        return context;
    }

    /** Any resource of this FHIR version. */
    public IBaseResource parse(byte[] json) {
        checkSize(json == null ? 0 : json.length, json == null || json.length == 0);
        return parseChecked(new String(json, StandardCharsets.UTF_8));
    }

    /** Any resource of this FHIR version. */
    public IBaseResource parse(String json) {
        checkSize(json == null ? 0 : utf8Length(json), json == null || json.isBlank());
        return parseChecked(json);
    }

    /** A resource of {@code type}; another resource type is {@link FhirException.Problem#WRONG_RESOURCE_TYPE}. */
    public <T extends IBaseResource> T parse(byte[] json, Class<T> type) {
        return expect(parse(json), type);
    }

    /** A resource of {@code type}; another resource type is {@link FhirException.Problem#WRONG_RESOURCE_TYPE}. */
    public <T extends IBaseResource> T parse(String json, Class<T> type) {
        return expect(parse(json), type);
    }

    /** Compact JSON of {@code resource}. */
    public String serialize(IBaseResource resource) {
        return context.newJsonParser().encodeResourceToString(resource);
    }

    /** Compact JSON of {@code resource}, UTF-8. */
    public byte[] serializeBytes(IBaseResource resource) {
        return serialize(resource).getBytes(StandardCharsets.UTF_8);
    }

    private IBaseResource parseChecked(String json) {
        IParser parser = context.newJsonParser();
        try {
            return parser.parseResource(json);
        } catch (DataFormatException | IllegalArgumentException | ClassCastException e) {
            throw classify(e);
        }
    }

    private <T extends IBaseResource> T expect(IBaseResource resource, Class<T> type) {
        if (!type.isInstance(resource)) {
            throw new FhirException(FhirException.Problem.WRONG_RESOURCE_TYPE,
                    "expected a " + type.getSimpleName() + " resource, found " + resource.fhirType());
        }
        return type.cast(resource);
    }

    private void checkSize(long bytes, boolean empty) {
        if (empty) {
            throw new FhirException(FhirException.Problem.EMPTY, "the FHIR payload is empty");
        }
        if (bytes > maxBytes) {
            throw new FhirException(FhirException.Problem.TOO_LARGE,
                    "the FHIR payload has " + bytes + " bytes, over the cap of " + maxBytes);
        }
    }

    /** Counts without copying, stopping early once the cap is passed. */
    private long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length() && n <= maxBytes; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c)) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    /** HAPI's messages can quote payload values (a bad date, a name): keep only its error code. */
    private FhirException classify(RuntimeException e) {
        String version = context.getVersion().getVersion() == ca.uhn.fhir.context.FhirVersionEnum.DSTU3 ? "STU3" : "R4";
        String text = e.getMessage() == null ? "" : e.getMessage();
        Matcher code = HAPI_CODE.matcher(text);
        String ref = code.find() ? " (" + code.group() + ")" : "";
        if (text.contains("missing required element: 'resourceType'") || text.contains("resourceType")
                && text.contains("missing")) {
            return new FhirException(FhirException.Problem.NOT_A_RESOURCE, "the JSON has no resourceType" + ref);
        }
        if (text.contains("Unknown resource name") || text.contains("Unknown resource type")) {
            return new FhirException(FhirException.Problem.UNKNOWN_RESOURCE_TYPE,
                    "the resourceType is not a resource of FHIR " + version + ref);
        }
        return new FhirException(FhirException.Problem.MALFORMED, "the payload is not valid FHIR JSON" + ref);
    }
}
