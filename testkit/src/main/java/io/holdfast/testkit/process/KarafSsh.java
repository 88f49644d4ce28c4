package io.holdfast.testkit.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;

/**
 * Karaf's SSH shell from the test JVM (Apache SSHD client, an exec channel per command line): far cheaper
 * than a {@code bin/client} JVM per command, which matters while polling on a 2-core machine. Karaf runs
 * the line in a session as the authenticated user, so command ACLs apply as for an admin over SSH.
 */
public final class KarafSsh implements AutoCloseable {
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private final int port;
    private final String user;
    private final String password;
    private final SshClient client;

    /** What a command printed (stdout then stderr) and its exit status (null if the channel gave none). */
    public record Result(Integer exitStatus, String output, String error) {
        /** Success: exit status 0 and none of Karaf's failure texts (they do not always set a status). */
        public boolean ok() {
            String all = output + error;
            return exitStatus != null && exitStatus == 0 && error.isBlank() && !all.contains("Command not found")
                    && !all.contains("Error executing command");
        }

        @Override
        public String toString() {
            return "exit " + exitStatus + ", output [" + output.strip() + "], error [" + error.strip() + "]";
        }
    }

    public KarafSsh(int port, String user, String password) {
        this.port = port;
        this.user = user;
        this.password = password;
        this.client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
    }

    public Result exec(String commandLine, Duration timeout) {
        try (ClientSession session = client.connect(user, "127.0.0.1", port).verify(CONNECT).getSession()) {
            session.addPasswordIdentity(password);
            session.auth().verify(CONNECT);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (ChannelExec channel = session.createExecChannel(commandLine)) {
                channel.setOut(out);
                channel.setErr(err);
                channel.open().verify(CONNECT);
                Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
                if (!events.contains(ClientChannelEvent.CLOSED)) {
                    return new Result(null, out.toString(StandardCharsets.UTF_8), "timed out after " + timeout);
                }
                return new Result(channel.getExitStatus(), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            return new Result(null, "", "SSH: " + e);
        }
    }

    /**
     * Whether the server keeps an SSH subsystem channel (e.g. "sftp") open for this user: a server without the
     * subsystem refuses the request and closes the channel; one with it waits for the subsystem's first packet.
     */
    public boolean subsystemStaysOpen(String subsystem) {
        try (ClientSession session = client.connect(user, "127.0.0.1", port).verify(CONNECT).getSession()) {
            session.addPasswordIdentity(password);
            session.auth().verify(CONNECT);
            try (ChannelSubsystem channel = session.createSubsystemChannel(subsystem)) {
                channel.open().verify(CONNECT);
                Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), Duration.ofSeconds(5));
                return !events.contains(ClientChannelEvent.CLOSED);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.stop();
    }
}
