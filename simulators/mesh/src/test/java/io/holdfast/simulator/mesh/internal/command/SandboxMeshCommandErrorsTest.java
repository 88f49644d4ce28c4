package io.holdfast.simulator.mesh.internal.command;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.simulator.mesh.MeshSimulator;
import io.holdfast.simulator.mesh.internal.MeshSimulatorComponent;
import java.nio.file.Path;
import java.util.List;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 point 11: sandbox:mesh-* commands throw one clear line on error (non-zero exit) instead of printing. */
class SandboxMeshCommandErrorsTest {
    @TempDir
    Path dir;
    MeshSimulator sim;
    MeshSimulatorComponent component;

    @BeforeEach
    void start() {
        sim = MeshSimulator.builder().dataDir(dir).mailbox("X26ABC1", "password").mailbox("X26ABC2", "password").start();
        component = new MeshSimulatorComponent() {
            @Override
            public MeshSimulator simulator() {
                return sim;
            }
        };
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void sendingToAnUnknownMailboxThrows() {
        SandboxMeshSendCommand c = new SandboxMeshSendCommand();
        c.simulator = component;
        c.to = "X26NOPE";
        c.text = List.of("hello");
        assertThatThrownBy(c::execute).isInstanceOf(CommandException.class).hasMessageStartingWith("sandbox:mesh-send: ")
                .hasMessageContaining("X26NOPE").hasMessageEndingWith("nothing was sent");
    }

    @Test
    void collectingOrListingAnUnknownMailboxThrows() {
        SandboxMeshCollectCommand collect = new SandboxMeshCollectCommand();
        collect.simulator = component;
        collect.mailbox = "X26NOPE";
        assertThatThrownBy(collect::execute).isInstanceOf(CommandException.class).hasMessageStartingWith("sandbox:mesh-collect: ");
        SandboxMeshMessagesCommand messages = new SandboxMeshMessagesCommand();
        messages.simulator = component;
        messages.mailbox = "X26NOPE";
        assertThatThrownBy(messages::execute).isInstanceOf(CommandException.class).hasMessageStartingWith("sandbox:mesh-messages: ");
    }
}
