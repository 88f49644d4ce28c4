package io.holdfast.mesh.internal.transport;

import io.holdfast.api.spi.Codec;
import java.util.Optional;

/**
 * The codecs registered as services ({@code holdfast.format} = format family), by family: a mailbox
 * whose {@code wireFormat} is not OPAQUE hands each file's contents to that codec.
 */
@FunctionalInterface
public interface ContentCodecs {
    ContentCodecs NONE = family -> Optional.empty();

    Optional<Codec<?>> find(String family);
}
