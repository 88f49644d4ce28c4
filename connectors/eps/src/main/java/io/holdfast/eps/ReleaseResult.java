package io.holdfast.eps;

import io.holdfast.api.event.Prescription;
import java.util.List;

/** {@code Task/$release}: the prescriptions EPS released to the pharmacy (at most 25 per call), or why none. */
public sealed interface ReleaseResult {

    /** {@code unreadable}: released bundles that did not map to a canonical prescription (kept in the journaled answer). */
    record Released(List<Prescription> prescriptions, int unreadable) implements ReleaseResult {
        public Released {
            prescriptions = List.copyOf(prescriptions);
        }
    }

    record NotReleased(EpsResult result) implements ReleaseResult {
    }
}
