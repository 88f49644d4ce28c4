package io.holdfast.examples.pathology.internal.transport;

import java.util.Optional;

/** Where a lab's cursor is kept between polls and restarts. */
public interface CursorStore {
    /** The cursor saved last, if any. */
    Optional<String> load();

    /** Saves the cursor durably; called only after Intake made every row before it durable. */
    void save(String cursor);
}
