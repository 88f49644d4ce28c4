package io.holdfast.mesh.internal.command;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.mesh.internal.transport.MeshMailbox;
import io.holdfast.mesh.internal.transport.MeshMailboxes;
import org.apache.karaf.shell.support.CommandException;

/** One clear line for a failed MESH command (Karaf prints it and the command exits non-zero). */
final class MeshCommandErrors {
    private MeshCommandErrors() {
    }

    static MeshMailbox mailbox(MeshMailboxes mailboxes, String mailboxOrNull, String command) throws CommandException {
        try {
            return mailboxes.require(mailboxOrNull);
        } catch (IllegalArgumentException e) {
            throw new CommandException(command + ": " + e.getMessage());
        }
    }

    static CommandException failed(String command, RuntimeException e) {
        String text = e instanceof HoldfastException h ? h.describe() : e.getMessage();
        CommandException c = new CommandException(command + ": " + (text == null ? e.getClass().getSimpleName() : text.replace('\n', ' ')));
        c.initCause(e);
        return c;
    }
}
