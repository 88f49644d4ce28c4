package io.holdfast.journal.internal;

/** Where the chain and the id sequences stand after the last committed batch. */
record ChainState(long lastSeq, String lastHash, long lastJournalId) {
    static final ChainState EMPTY = new ChainState(0, StageRow.GENESIS, 0);
}
