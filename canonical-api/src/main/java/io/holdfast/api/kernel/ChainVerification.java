package io.holdfast.api.kernel;

import java.util.Optional;

/**
 * Result of checking the journal hash chain.
 *
 * @param rowsChecked    stage rows read
 * @param firstBrokenRow sequence number of the first row whose hash does not follow from its
 *                       predecessor (edited, deleted neighbour or reordered), if any
 * @param problem        what is wrong with that row
 */
@org.osgi.annotation.versioning.ProviderType
public record ChainVerification(long rowsChecked, Optional<Long> firstBrokenRow, Optional<String> problem) {
    public boolean intact() {
        return firstBrokenRow.isEmpty();
    }
}
