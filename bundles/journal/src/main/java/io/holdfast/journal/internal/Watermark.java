package io.holdfast.journal.internal;

import java.io.IOException;

/** Where the writer records the chain head after each commit (see {@link JournalHead}). */
@FunctionalInterface
public interface Watermark {
    void record(ChainState state) throws IOException;
}
