package io.holdfast.mllp.internal.transport;

import io.holdfast.mllp.internal.config.ListenerSettings;

/** What the shell shows of a running listener (registered as a service by each listener component). */
public interface ListenerView {
    ListenerSettings settings();

    boolean isBound();

    int boundPort();

    ListenerStats.Snapshot stats();
}
