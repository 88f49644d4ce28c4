package io.holdfast.credentials.internal.pki;

import io.holdfast.credentials.api.CredentialImportException;
import io.holdfast.credentials.api.CredentialImportException.Reason;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.credentials.internal.material.Material;
import io.holdfast.credentials.internal.material.Secret;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns the files of an import into checked {@link Material} of the requested kind: the key matches
 * its certificate, the chain is ordered, nothing has expired, text values are well-formed. Any
 * problem is a {@link CredentialImportException}; nothing is half-built.
 */
public final class MaterialBuilder {
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Pattern USERNAME = Pattern.compile("[^:\\p{Cntrl}]{1,128}");

    private final CredentialParser parser;
    private final Validity validity;

    public MaterialBuilder(Clock clock) {
        this.parser = new CredentialParser();
        this.validity = new Validity(clock);
    }

    /** The material and notes worth showing the admin (e.g. expiring soon, ignored certificates). */
    public record Built(Material material, List<String> notes) {
    }

    public Built build(ImportRequest request) {
        if (request.parts().isEmpty()) {
            throw new CredentialImportException(Reason.MISSING_PART, "no file or value was given");
        }
        List<String> notes = new ArrayList<>();
        Material material = switch (request.kind()) {
            case KEY_PAIR -> keyPair(parse(request), notes);
            case TRUST_ANCHORS -> trustAnchors(parse(request), notes);
            case JWT_SIGNING_KEY -> jwtKey(parse(request), request.keyId(), notes);
            case API_KEY, SECRET -> new Material.Text(request.kind(), TextValues.secret(request, request.kind()));
            case ORG_CREDENTIAL -> orgCredential(request);
        };
        return new Built(material, notes);
    }

    private ParsedParts parse(ImportRequest request) {
        return parser.parse(request.parts(), request.passphrase().orElse(null));
    }

    private Material keyPair(ParsedParts parts, List<String> notes) {
        PrivateKey key = singleKey(parts, "a KEY_PAIR needs the private key and its certificate (a PEM with both, or a PKCS#12)");
        if (!key.getAlgorithm().equals("RSA") && !key.getAlgorithm().equals("EC")) {
            throw new CredentialImportException(Reason.UNSUPPORTED, "a TLS client key must be RSA or EC, not " + key.getAlgorithm());
        }
        if (parts.certificates.isEmpty()) {
            throw new CredentialImportException(Reason.MISSING_PART,
                    "no certificate found: a KEY_PAIR needs the certificate of its private key (add the certificate PEM)");
        }
        X509Certificate leaf = KeyPairs.leafOf(key, parts.certificates).orElseThrow(() -> new CredentialImportException(
                Reason.KEY_CERT_MISMATCH, "the private key does not match any of the " + parts.certificates.size()
                + " certificates given (first: " + io.holdfast.credentials.internal.material.Certificates.describe(
                        parts.certificates.get(0)) + ")"));
        List<X509Certificate> chain = KeyPairs.chain(leaf, parts.certificates);
        int unrelated = parts.certificates.size() - chain.size();
        if (unrelated > 0) {
            notes.add(unrelated + " certificate(s) outside the key's chain were not stored; import CA certificates to trust as TRUST_ANCHORS");
        }
        validity.requireCurrent(chain, notes);
        return new Material.KeyPair(key, chain);
    }

    private Material trustAnchors(ParsedParts parts, List<String> notes) {
        if (!parts.keys.isEmpty()) {
            throw new CredentialImportException(Reason.UNEXPECTED_PART,
                    "the files contain a private key: TRUST_ANCHORS are CA certificates only");
        }
        if (parts.certificates.isEmpty()) {
            throw new CredentialImportException(Reason.MISSING_PART, "no certificate found for TRUST_ANCHORS");
        }
        validity.requireCurrent(parts.certificates, notes);
        return new Material.TrustAnchors(parts.certificates);
    }

    private Material jwtKey(ParsedParts parts, Optional<String> keyId, List<String> notes) {
        String kid = keyId.map(String::trim).filter(k -> !k.isEmpty()).orElseThrow(() -> new CredentialImportException(
                Reason.MISSING_PART, "a JWT_SIGNING_KEY needs its kid (--kid), as registered with the API platform"));
        if (!KID.matcher(kid).matches()) {
            throw new CredentialImportException(Reason.INVALID_VALUE, "kid '" + kid.replaceAll("\\p{Cntrl}", "?")
                    + "' must be 1-128 letters, digits, '.', '_' or '-'");
        }
        PrivateKey key = singleKey(parts, "a JWT_SIGNING_KEY needs the RSA private key (PEM, PKCS#8 or PKCS#12)");
        RsaKeys.requireForRs512(key, notes);
        if (parts.publicKeys.stream().anyMatch(p -> !KeyPairs.matches(key, p))) {
            throw new CredentialImportException(Reason.KEY_CERT_MISMATCH, "the public key given does not match the private key");
        }
        Optional<X509Certificate> cert = Optional.empty();
        if (!parts.certificates.isEmpty()) {
            cert = Optional.of(KeyPairs.leafOf(key, parts.certificates).orElseThrow(() -> new CredentialImportException(
                    Reason.KEY_CERT_MISMATCH, "the private key does not match the certificate given")));
            validity.requireCurrent(List.of(cert.get()), notes);
        }
        return new Material.JwtKey(key, kid, cert);
    }

    private Material orgCredential(ImportRequest request) {
        String username = request.username().map(String::trim).filter(u -> !u.isEmpty()).orElseThrow(() ->
                new CredentialImportException(Reason.MISSING_PART, "an ORG_CREDENTIAL needs a user name or mailbox id (--username)"));
        if (!USERNAME.matcher(username).matches()) {
            throw new CredentialImportException(Reason.INVALID_VALUE,
                    "the user name must be 1-128 characters without ':' or control characters");
        }
        Secret password = TextValues.secret(request, CredentialKind.ORG_CREDENTIAL);
        return new Material.OrgCredential(username, password);
    }

    private static PrivateKey singleKey(ParsedParts parts, String missing) {
        if (parts.keys.isEmpty()) {
            throw new CredentialImportException(Reason.MISSING_PART, "no private key found: " + missing);
        }
        if (parts.keys.size() > 1) {
            throw new CredentialImportException(Reason.UNEXPECTED_PART,
                    "found " + parts.keys.size() + " private keys; import one key per entry version");
        }
        return parts.keys.get(0);
    }
}
