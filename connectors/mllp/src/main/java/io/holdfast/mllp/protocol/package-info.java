/**
 * MLLP protocol code shared by the connector, benchmarks and vendors: framing (Netty decoder,
 * start/end blocks) and a blocking client. 2.0: the HL7 message-level parts (byte-level MSH,
 * MSH-18 charsets, ACK building and reading) moved to {@code io.holdfast.hl7v2} (holdfast-lib-hl7v2),
 * where every transport carrying HL7 v2 finds them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package io.holdfast.mllp.protocol;
