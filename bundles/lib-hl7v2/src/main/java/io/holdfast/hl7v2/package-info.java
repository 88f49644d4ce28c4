/**
 * The HL7 v2 codec for every transport (MLLP, MESH, SFTP, files): {@link io.holdfast.hl7v2.Hl7v2Codec}
 * (HL7 v2.3–2.5 ⇄ canonical events), the byte-level {@link io.holdfast.hl7v2.MshHeader} and MSH-18
 * charsets that work where HAPI cannot parse, ACK building and reading, and HAPI set up for NHS (UK)
 * traffic. The HAPI packages themselves ({@code ca.uhn.hl7v2.*}, version 2.6.0) are exported by this
 * bundle from the embedded jars. 1.1: the codec, MSH, charsets and ACKs moved here from the MLLP
 * connector.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.holdfast.hl7v2;
