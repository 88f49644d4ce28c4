package ${package}.itest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;

/**
 * Runs shell command lines inside the container as a Holdfast admin would over SSH. The roles matter: holdfast:*
 * and feature:* commands are guarded by command ACLs and are "not found" for a caller without them.
 */
final class AdminShell {
    private static final Subject ADMIN = admin();
    private final SessionFactory sessions;

    AdminShell(SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** What the command printed; throws what the command threw. */
    @SuppressWarnings("removal") // Subject.doAs: what Karaf 4.4's command ACLs read on Java 17
    String run(String commandLine) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
            try {
                Object result = Subject.doAs(ADMIN, (PrivilegedExceptionAction<Object>) () -> session.execute(commandLine));
                if (result != null) {
                    out.println(result);
                }
            } catch (PrivilegedActionException e) {
                throw e.getException();
            } finally {
                session.close();
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static Subject admin() {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("itest-admin"));
        for (String role : new String[] {"holdfast-admin", "holdfast-operator", "holdfast-viewer", "admin", "manager", "viewer",
            "systembundles"}) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        subject.setReadOnly();
        return subject;
    }
}
