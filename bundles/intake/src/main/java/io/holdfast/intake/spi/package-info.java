/** Kernel-internal SPI: participants that write into Intake's batch transaction (e.g. the routing outbox). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.holdfast.intake.spi;
