/**
 * Services a connector registers: codecs, outbound transports, auth providers, reconciliation
 * sources ({@code @ConsumerType}: adding an abstract method is a major change), and the values they
 * exchange with the kernel ({@code @ProviderType}).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.1")
package io.holdfast.api.spi;
