package io.holdfast.inventory.internal;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Transports;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an endpoint must look like for each transport. Endpoints never carry credentials (no user
 * info, no {@code password=} parameter): those belong in the vault.
 */
final class EndpointRules {
    private static final java.util.regex.Pattern MESH_MAILBOX = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,20}");
    private static final Map<String, List<String>> SCHEMES = Map.of(
            Transports.HTTP, List.of("https", "http"),
            // mesh:<MAILBOX>?workflow=... (what the MESH connector sends to) is checked on its own
            Transports.MESH, List.of("https", "mesh"),
            Transports.SPINE_EBXML, List.of("https"),
            Transports.MLLP, List.of("mllp", "mllps"),
            Transports.SFTP, List.of("sftp"));

    void check(DownstreamSystem s, List<String> problems) {
        String endpoint = s.endpoint();
        if (endpoint.isBlank()) {
            problems.add("endpoint is required");
            return;
        }
        if (endpoint.length() > 1024) {
            problems.add("endpoint is longer than 1024 characters");
            return;
        }
        if (endpoint.toLowerCase(Locale.ROOT).contains("password=")) {
            problems.add("endpoint must not contain a password; import it into the vault and set the credential ref");
            return;
        }
        if (Transports.DB.equals(s.transport())) {
            if (!endpoint.startsWith("jdbc:")) {
                problems.add("endpoint for transport DB must be a JDBC URL (jdbc:postgresql://host:5432/db)");
            }
            return;
        }
        checkUri(s, problems);
    }

    private void checkUri(DownstreamSystem s, List<String> problems) {
        String shown = SystemValidator.printable(s.endpoint());
        Optional<URI> parsed = parse(s.endpoint());
        if (parsed.isEmpty() || parsed.get().getScheme() == null) {
            problems.add("endpoint '" + shown + "' is not a valid URI (e.g. " + example(s.transport()) + ")");
            return;
        }
        URI uri = parsed.get();
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (Transports.MESH.equals(s.transport()) && scheme.equals("mesh")) {
            checkMeshAddress(s.endpoint(), shown, problems);
            return;
        }
        List<String> allowed = SCHEMES.get(s.transport());
        if (allowed != null && !allowed.contains(scheme)) {
            problems.add("endpoint '" + shown + "' for transport " + s.transport() + " must start with "
                    + String.join(":// or ", allowed) + ":// (e.g. " + example(s.transport()) + ")");
            return;
        }
        if (uri.getRawUserInfo() != null) {
            problems.add("endpoint must not contain user credentials; import them into the vault and set the credential ref");
        }
        if (allowed != null && (uri.getHost() == null || uri.getHost().isEmpty())) {
            problems.add("endpoint '" + shown + "' has no host name");
        }
        if (Transports.MLLP.equals(s.transport()) && uri.getPort() < 0) {
            problems.add("endpoint '" + shown + "' needs a port (e.g. mllp://epr.example.nhs.uk:2575)");
        }
        if ("live".equals(s.environment()) && "http".equals(scheme)) {
            problems.add("endpoint for a live system must use https://, not http://");
        }
    }

    /**
     * The MESH connector's address of a recipient, {@code mesh:<MAILBOX>?workflow=<id>[&from=<our MAILBOX>]}: MESH's
     * base URL and credentials belong to the sending mailbox's configuration, not to the target.
     */
    private static void checkMeshAddress(String endpoint, String shown, List<String> problems) {
        String spec = endpoint.startsWith("mesh://") ? endpoint.substring("mesh://".length()) : endpoint.substring("mesh:".length());
        int q = spec.indexOf('?');
        String mailbox = q < 0 ? spec : spec.substring(0, q);
        Map<String, String> params = new java.util.HashMap<>();
        if (q >= 0) {
            for (String kv : spec.substring(q + 1).split("&")) {
                int eq = kv.indexOf('=');
                params.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
        }
        if (!MESH_MAILBOX.matcher(mailbox).matches()) {
            problems.add("endpoint '" + shown + "' must name the recipient mailbox (letters and digits): mesh:X26ABC1?workflow=WORKFLOW_ID");
        }
        if (params.getOrDefault("workflow", "").isBlank()) {
            problems.add("endpoint '" + shown + "' needs ?workflow=WORKFLOW_ID (e.g. " + example(Transports.MESH) + ")");
        }
        if (params.containsKey("from") && !MESH_MAILBOX.matcher(params.get("from")).matches()) {
            problems.add("endpoint '" + shown + "' has from= that is not a mailbox id (letters and digits)");
        }
    }

    /** True for endpoints that speak TLS, as TLS_MUTUAL requires. */
    boolean isTls(DownstreamSystem s) {
        return parse(s.endpoint()).map(URI::getScheme).map(x -> x.toLowerCase(Locale.ROOT))
                .filter(x -> x.equals("https") || x.equals("mllps")).isPresent();
    }

    private static Optional<URI> parse(String endpoint) {
        try {
            return Optional.of(new URI(endpoint));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String example(String transport) {
        return switch (transport) {
            case Transports.MLLP -> "mllp://epr.example.nhs.uk:2575";
            case Transports.SFTP -> "sftp://esr.example.nhs.uk:22/inbound";
            case Transports.MESH -> "mesh:X26ABC1?workflow=TEST_WORKFLOW";
            default -> "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4";
        };
    }
}
