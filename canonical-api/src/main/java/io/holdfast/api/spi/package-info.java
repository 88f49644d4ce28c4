/** Services a connector registers: codecs, outbound transports, auth providers, reconciliation sources. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.holdfast.api.spi;
