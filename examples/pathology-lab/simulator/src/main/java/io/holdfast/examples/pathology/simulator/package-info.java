/**
 * A simulated pathology lab (LIMS) results feed, written from the lab's published interface (see the
 * example's README, "The lab's interface") and sharing no code with the connector, so a misunderstanding
 * of the interface cannot pass both sides. Start it with {@link io.holdfast.examples.pathology.simulator.SimulatedLab#builder()}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.examples.pathology.simulator;
