package io.holdfast.api.kernel;

/** Sizes of the journal, for status pages. */
@org.osgi.annotation.versioning.ProviderType
public record JournalCounts(long messages, long stages, long fields, long inFlight, long rejected) {
}
