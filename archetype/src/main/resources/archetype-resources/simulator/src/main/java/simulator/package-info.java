/**
 * The remote booking system, simulated from its protocol as README.md describes it, sharing no code with the
 * connector so a misunderstanding of the protocol cannot pass both sides. Exported so tests (plain JVM or inside
 * Karaf) can drive it: {@link ${package}.simulator.BookingSimulator}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package ${package}.simulator;
