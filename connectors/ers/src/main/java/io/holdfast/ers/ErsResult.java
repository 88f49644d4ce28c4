package io.holdfast.ers;

import java.util.Objects;

/**
 * What an e-RS call came to. {@link Done} carries the answer ({@code alreadyDone}: e-RS had already applied this very
 * request, e.g. its first answer was lost and the retry found the outcome in place); {@link Refused} is e-RS's own no
 * (a 4xx with its OperationOutcome code: {@code NO_ACCESS}, {@code FORBIDDEN}, {@code INVALID_REQUEST_STATE},
 * {@code REFERRAL_NOT_FOUND}, …); {@link Failed} is no usable answer at all.
 */
@org.osgi.annotation.versioning.ProviderType
public sealed interface ErsResult<T> permits ErsResult.Done, ErsResult.Refused, ErsResult.Failed {

    record Done<T>(T value, boolean alreadyDone) implements ErsResult<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    /** @param diagnostics e-RS's diagnostics text, cut to one line (e-RS puts no patient data there; still not logged) */
    record Refused<T>(int status, String code, String diagnostics) implements ErsResult<T> {
        public Refused {
            Objects.requireNonNull(code, "code");
            diagnostics = diagnostics == null ? "" : diagnostics.replace('\n', ' ');
        }

        public String line() {
            return "e-RS refused (HTTP " + status + " " + code + ")" + (diagnostics.isEmpty() ? "" : ": " + diagnostics);
        }
    }

    record Failed<T>(CallFailure failure) implements ErsResult<T> {
        public Failed {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
