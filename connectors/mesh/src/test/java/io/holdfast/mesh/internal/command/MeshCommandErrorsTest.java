package io.holdfast.mesh.internal.command;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.mesh.internal.transport.MeshMailboxes;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

/** Issue 12 point 11: a failed command throws one clear line (Karaf then exits non-zero) instead of printing and returning. */
class MeshCommandErrorsTest {

    @Test
    void sendingAFileThatDoesNotExistThrows() {
        MeshSendCommand c = new MeshSendCommand();
        c.mailboxes = new MeshMailboxes();
        c.file = "/nonexistent/file.txt";
        c.to = "X26ABC2";
        c.workflow = "TEST_WORKFLOW";
        assertThatThrownBy(c::execute).isInstanceOf(CommandException.class)
                .hasMessage("mesh-send: no such file: /nonexistent/file.txt; nothing was sent");
    }

    @Test
    void anUnknownOrMissingMailboxThrows() {
        MeshTrackCommand track = new MeshTrackCommand();
        track.mailboxes = new MeshMailboxes();
        track.id = "20210311101813838554_1B8F53";
        track.from = "X26NOPE";
        assertThatThrownBy(track::execute).isInstanceOf(CommandException.class).hasMessageStartingWith("mesh-track: ")
                .hasMessageNotContaining("\n");
        MeshInboxCommand inbox = new MeshInboxCommand();
        inbox.mailboxes = new MeshMailboxes();
        inbox.mailbox = "X26NOPE";
        assertThatThrownBy(inbox::execute).isInstanceOf(CommandException.class).hasMessageStartingWith("mesh-inbox: ");
    }
}
