package io.holdfast.http.internal;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/** A configured listener as {@code holdfast:http-listeners} shows it. */
public interface ListenerView {

    String name();

    /** The bound address; empty if the listener is not running (its Health entry says why). */
    Optional<InetSocketAddress> boundAddress();

    Optional<ListenerSettings> settings();

    ListenerStats.Snapshot stats();

    List<Route> routes();
}
