package io.holdfast.api.spi;

import io.holdfast.api.event.EventKey;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * One side of a reconciliation: lists the natural keys and content digests a system holds for a
 * window, so the kernel can compare two sides and rank the variances. Register with property
 * {@code holdfast.reconciliation.source} = a name.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface ReconciliationSource {

    /** One record as this side holds it. */
    record Item(EventKey key, String contentDigest, Instant asOf) {
    }

    String name();

    /** Items whose last change lies in [from, to). The stream is closed by the caller. */
    Stream<Item> items(Instant from, Instant to);
}
