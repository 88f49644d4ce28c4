/**
 * HAPI HL7v2 set up for NHS (UK) traffic. The HAPI packages themselves ({@code ca.uhn.hl7v2.*},
 * version 2.6.0) are exported by this bundle from the embedded jars.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.hl7v2;
