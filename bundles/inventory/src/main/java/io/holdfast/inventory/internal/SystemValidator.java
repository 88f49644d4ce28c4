package io.holdfast.inventory.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises and checks an inventory entry field by field. Every problem is reported at once, each
 * naming the field, the rejected value (never a secret: entries hold none) and what is allowed.
 */
final class SystemValidator {
    /** The kernel's transports that are not HTTP: header-borne credentials (API key, bearer tokens) make no sense there. */
    private static final java.util.Set<String> NOT_HTTP = java.util.Set.of(Transports.MLLP, Transports.MESH, Transports.SFTP,
            Transports.DB, Transports.SPINE_EBXML);
    private static final java.util.regex.Pattern HTTP_URL = java.util.regex.Pattern.compile("(?i)https?://");

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    private static final Pattern ODS_CODE = Pattern.compile("[A-Z0-9]{3,10}");
    private static final Pattern HL7V2_VERSION = Pattern.compile("2\\.[1-9](\\.[0-9])?");
    private static final Pattern PLAIN_VERSION = Pattern.compile("[A-Za-z0-9._-]{0,16}");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final List<String> FHIR_VERSIONS = List.of("R4");

    private final InventoryRules rules;
    private final EndpointRules endpoints;
    private final InstalledAuthPatterns authPatterns;

    SystemValidator(InventoryRules rules, InstalledAuthPatterns authPatterns) {
        this.rules = rules;
        this.endpoints = new EndpointRules();
        this.authPatterns = authPatterns;
    }

    /** Trims text, upper-cases codes, and defaults the credential ref to the id for patterns that need one. */
    DownstreamSystem normalise(DownstreamSystem s) {
        AuthPattern auth = s.authPattern();
        Optional<String> credentialRef = blankToEmpty(s.credentialRef());
        if (credentialRef.isEmpty() && auth != AuthPattern.NONE) {
            credentialRef = Optional.of(s.id().trim());
        }
        WireFormat format = new WireFormat(s.format().family().trim().toUpperCase(Locale.ROOT), s.format().version().trim());
        return new DownstreamSystem(s.id().trim(), s.name().trim(),
                blankToEmpty(s.odsCode()).map(c -> c.toUpperCase(Locale.ROOT)),
                s.environment().trim().toLowerCase(Locale.ROOT), s.transport().trim().toUpperCase(Locale.ROOT), format,
                s.endpoint().trim(), auth, credentialRef, blankToEmpty(s.ownerContact()));
    }

    /** Throws {@code INVALID_CONFIGURATION} listing every problem of a normalised entry. */
    void check(DownstreamSystem s) {
        List<String> problems = problems(s);
        if (!problems.isEmpty()) {
            throw new HoldfastException(ErrorCode.INVALID_CONFIGURATION,
                    "System '" + s.id() + "' is invalid, nothing was saved: " + String.join("; ", problems));
        }
    }

    List<String> problems(DownstreamSystem s) {
        List<String> problems = new ArrayList<>();
        checkId(s.id(), "id", problems);
        checkText(s.name(), "name", 200, true, problems);
        s.odsCode().filter(c -> !ODS_CODE.matcher(c).matches()).ifPresent(c -> problems.add(
                "ODS code '" + c + "' must be 3-10 letters or digits (e.g. RX1, X26, A81001)"));
        if (!rules.environments().contains(s.environment())) {
            problems.add("environment '" + s.environment() + "' is not one of " + String.join(", ", rules.environments())
                    + " (configured in " + InventoryConfig.PID + " environments)");
        }
        boolean knownTransport = rules.transports().contains(s.transport());
        if (!knownTransport) {
            problems.add("transport '" + s.transport() + "' is not one of " + rules.allowedTransports());
        }
        checkFormat(s, problems);
        if (knownTransport) {
            endpoints.check(s, problems);
        }
        checkAuth(s, problems);
        authPatterns.problem(s.authPattern()).ifPresent(problems::add);
        s.ownerContact().ifPresent(o -> checkText(o, "owner contact", 256, false, problems));
        return problems;
    }

    private void checkId(String value, String field, List<String> problems) {
        if (!ID.matcher(value).matches()) {
            problems.add(field + " '" + printable(value) + "' must be 1-64 lowercase letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit (e.g. epr-main)");
        }
    }

    private static void checkText(String value, String field, int max, boolean required, List<String> problems) {
        if (required && value.isBlank()) {
            problems.add(field + " is required");
        } else if (value.length() > max) {
            problems.add(field + " is " + value.length() + " characters long; at most " + max + " are allowed");
        } else if (CONTROL.matcher(value).find()) {
            problems.add(field + " must not contain control characters (line breaks, tabs)");
        }
    }

    private void checkFormat(DownstreamSystem s, List<String> problems) {
        WireFormat f = s.format();
        if (!rules.formatFamilies().contains(f.family())) {
            problems.add("format '" + f + "' is not one of " + rules.allowedFormats()
                    + " (HL7V2 and FHIR take a version: HL7V2:2.4, FHIR:R4)");
            return;
        }
        if (WireFormat.HL7V2.equals(f.family()) && !HL7V2_VERSION.matcher(f.version()).matches()) {
            problems.add("format '" + f + "' needs an HL7v2 version such as HL7V2:2.3, HL7V2:2.4, HL7V2:2.5.1");
        } else if (WireFormat.FHIR.equals(f.family()) && !FHIR_VERSIONS.contains(f.version())) {
            problems.add("format '" + f + "' needs a FHIR version, one of " + String.join(", ", FHIR_VERSIONS) + " (e.g. FHIR:R4)");
        } else if (!PLAIN_VERSION.matcher(f.version()).matches()) {
            problems.add("format version '" + printable(f.version()) + "' must be up to 16 letters, digits, '.', '_' or '-'");
        }
        if (Transports.MLLP.equals(s.transport()) && !WireFormat.HL7V2.equals(f.family())) {
            problems.add("transport MLLP carries HL7V2 only, not " + f.family());
        }
        if (Transports.SPINE_EBXML.equals(s.transport()) && !WireFormat.HL7V3_EBXML.equals(f.family())) {
            problems.add("transport SPINE_EBXML carries HL7V3_EBXML only, not " + f.family());
        }
    }

    private void checkAuth(DownstreamSystem s, List<String> problems) {
        AuthPattern auth = s.authPattern();
        if (auth == AuthPattern.NONE) {
            s.credentialRef().ifPresent(r -> problems.add("credential ref '" + r + "' makes no sense with auth pattern NONE"));
        } else {
            s.credentialRef().ifPresent(r -> checkId(r, "credential ref", problems));
        }
        boolean httpOnly = auth == AuthPattern.OAUTH2_SIGNED_JWT || auth == AuthPattern.CIS2_USER || auth == AuthPattern.API_KEY;
        if (httpOnly && NOT_HTTP.contains(s.transport())) {
            problems.add("auth pattern " + auth + " works over HTTP only, not transport " + s.transport());
        } else if (httpOnly && !Transports.HTTP.equals(s.transport()) && !HTTP_URL.matcher(s.endpoint()).lookingAt()) {
            // a connector's own transport (extraTransports, e.g. EPS) calling an HTTP API with these credentials
            problems.add("auth pattern " + auth + " works over HTTP only: the endpoint of transport " + s.transport()
                    + " must be an http:// or https:// URL");
        }
        if (auth == AuthPattern.ORG_CREDENTIALS && Transports.MLLP.equals(s.transport())) {
            problems.add("auth pattern ORG_CREDENTIALS is not possible over MLLP (use TLS_MUTUAL with mllps:// or NONE)");
        }
        if (auth == AuthPattern.TLS_MUTUAL && !endpoints.isTls(s)) {
            problems.add("auth pattern TLS_MUTUAL needs a TLS endpoint (https:// or mllps://), not '" + printable(s.endpoint()) + "'");
        }
    }

    static String printable(String value) {
        String clean = CONTROL.matcher(value).replaceAll("?");
        return clean.length() > 80 ? clean.substring(0, 77) + "..." : clean;
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value.map(String::trim).filter(v -> !v.isEmpty());
    }
}
