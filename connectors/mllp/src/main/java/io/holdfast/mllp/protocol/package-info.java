/**
 * MLLP protocol code shared by the connector and the MLLP simulator: framing (Netty decoder),
 * a byte-level MSH reader that works even when HAPI cannot parse a message, MSH-18 charsets and
 * ACK building.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.holdfast.mllp.protocol;
