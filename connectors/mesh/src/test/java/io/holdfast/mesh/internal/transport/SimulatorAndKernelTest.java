package io.holdfast.mesh.internal.transport;

import io.holdfast.simulator.mesh.MeshSimulator;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the connector tests that need the MESH simulator (mailboxes X26ABC1, X26ABC2) and the real kernel. */
abstract class SimulatorAndKernelTest {
    @TempDir
    Path dir;
    MeshSimulator sim;
    MeshKernelFixture kernel;

    @BeforeEach
    void start() {
        sim = MeshSimulator.builder().dataDir(dir.resolve("sim")).mailbox("X26ABC1", "password").mailbox("X26ABC2", "password").start();
        kernel = new MeshKernelFixture(dir.resolve("kernel"));
    }

    @AfterEach
    void stop() {
        kernel.close();
        sim.close();
    }
}
