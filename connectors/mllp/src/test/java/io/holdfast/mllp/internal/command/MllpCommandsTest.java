package io.holdfast.mllp.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.hl7v2.Fixtures;
import io.holdfast.mllp.internal.config.ListenerSettings;
import io.holdfast.mllp.internal.transport.KernelFixture;
import io.holdfast.mllp.internal.transport.ListenerView;
import io.holdfast.mllp.internal.transport.MllpListener;
import io.holdfast.mllp.internal.transport.MllpSender;
import io.holdfast.testkit.TestKernel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 point 11: {@code holdfast:mllp-*} fail with one line and a non-zero exit (Karaf's
 * {@link CommandException}) instead of printing and returning normally. Real listener and sender
 * on loopback, real kernel behind the listener.
 */
class MllpCommandsTest {
    @TempDir
    Path dir;
    TestKernel kernel;
    MllpListener listener;
    MllpSender sender;

    @BeforeEach
    void start() throws Exception {
        kernel = KernelFixture.start(dir.resolve("kernel"));
        listener = new MllpListener(ListenerSettings.loopback("epr", 0), kernel.intake());
        listener.start();
        sender = new MllpSender(Duration.ofSeconds(5), Duration.ofSeconds(10), 1);
    }

    @AfterEach
    void stop() {
        sender.close();
        listener.close();
        kernel.close();
    }

    MllpSendCommand send(String file, String system, List<OutboundTransport> transports) {
        MllpSendCommand c = new MllpSendCommand();
        c.file = file;
        c.system = system;
        c.transports = transports;
        return c;
    }

    Path fixture(String name) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, Fixtures.text(name), StandardCharsets.ISO_8859_1);
        return f;
    }

    String target() {
        return "127.0.0.1:" + listener.boundPort();
    }

    @Test
    void anAcceptedMessagePrintsTheOutcome() throws Exception {
        String out = captured(() -> send(fixture("adt_a02_v24.hl7").toString(), target(), List.of(sender)).execute());
        assertThat(out).contains(target()).contains("accepted");
    }

    @Test
    void aRejectedMessageFailsTheCommand() throws Exception {
        MllpSendCommand c = send(fixture("adt_a01_invalid_nhs.hl7").toString(), target(), List.of(sender));
        assertThatThrownBy(c::execute).isInstanceOf(CommandException.class).hasMessageStartingWith("mllp-send: " + target())
                .hasMessageContaining("rejected").hasMessageNotContaining("\n");
    }

    @Test
    void withoutTheTransportTheCommandFails() throws Exception {
        String file = fixture("adt_a02_v24.hl7").toString();
        assertThatThrownBy(() -> send(file, target(), null).execute()).isInstanceOf(CommandException.class)
                .hasMessageContaining("MLLP transport is not running");
        assertThatThrownBy(() -> send(file, target(), List.of()).execute()).isInstanceOf(CommandException.class);
    }

    @Test
    void anUnknownTargetFails() throws Exception {
        String file = fixture("adt_a02_v24.hl7").toString();
        assertThatThrownBy(() -> send(file, "no-such-system", List.of(sender)).execute()).isInstanceOf(CommandException.class)
                .hasMessageContaining("'no-such-system' is neither a known system");
    }

    @Test
    void anUnreadableOrNonHl7FileFails() throws Exception {
        assertThatThrownBy(() -> send(dir.resolve("absent.hl7").toString(), target(), List.of(sender)).execute())
                .isInstanceOf(CommandException.class).hasMessageContaining("cannot read");
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        assertThatThrownBy(() -> send(text.toString(), target(), List.of(sender)).execute())
                .isInstanceOf(CommandException.class).hasMessageContaining("does not start with an MSH segment");
        assertThat(kernel.journal().counts().rejected()).isZero();
    }

    @Test
    void listenersListsTheRunningListenerAndHintsAtTheDashFileName() throws Exception {
        MllpListenersCommand list = new MllpListenersCommand();
        list.listeners = List.<ListenerView>of(listener);
        assertThat(captured(list::execute)).contains("epr").contains("127.0.0.1:" + listener.boundPort());
        list.listeners = List.of();
        assertThat(captured(list::execute)).contains("etc/io.holdfast.mllp.listener-<name>.cfg").doesNotContain("~");
    }

    interface Execution {
        Object run() throws Exception;
    }

    static String captured(Execution e) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            assertThat(e.run()).isNull();
        } finally {
            System.setOut(original);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
