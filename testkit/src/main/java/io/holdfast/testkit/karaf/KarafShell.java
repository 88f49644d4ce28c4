package io.holdfast.testkit.karaf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.security.auth.Subject;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.logging.PaxLoggingConstants;
import org.ops4j.pax.logging.spi.PaxAppender;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Runs Karaf shell command lines inside the container, as an admin of group holdfast-admins would over SSH, and
 * returns what they print. The JAAS subject matters: commands such as feature:install are guarded by
 * etc/org.apache.karaf.command.acl.*.cfg and are "not found" for a caller without the admin role.
 */
public final class KarafShell {
    private static final Subject ADMIN = admin();

    private final SessionFactory sessionFactory;

    public KarafShell(SessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    /**
     * @return everything the command printed, plus its result value if it returned one
     * @throws Exception what the command threw (unknown command, failed install, ...)
     */
    public String run(String commandLine) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
            try {
                Object result = asAdmin(() -> session.execute(commandLine));
                if (result != null) {
                    out.println(result);
                }
            } finally {
                session.close();
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /**
     * Runs {@code feature:install --simulate --verbose FEATURE} and returns the deployer's report ("Changes to
     * perform", "Bundles to install", "Bundles to refresh", ...). The deployer prints it from Karaf's features
     * thread, not the shell's, so it never reaches the session's output; it is logged as well, and taken from
     * the log here through a PaxAppender (Karaf's PaxOsgi appender hands every event to such services).
     */
    public String simulateInstall(BundleContext context, String feature) throws Exception {
        List<String> report = new CopyOnWriteArrayList<>();
        PaxAppender appender = event -> {
            if (event.getLoggerName().startsWith("org.apache.karaf.features")) {
                report.add(event.getRenderedMessage());
            }
        };
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(PaxLoggingConstants.SERVICE_PROPERTY_APPENDER_NAME_PROPERTY, "holdfast-itest-simulation");
        ServiceRegistration<PaxAppender> registration = context.registerService(PaxAppender.class, appender, properties);
        try {
            run("feature:install --simulate --verbose " + feature);
        } finally {
            registration.unregister();
        }
        return String.join("\n", report);
    }

    @SuppressWarnings("removal") // Subject.doAs: what Karaf 4.4's command ACLs read on JDK 17
    private static Object asAdmin(PrivilegedExceptionAction<Object> action) throws Exception {
        try {
            return Subject.doAs(ADMIN, action);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }

    private static Subject admin() {
        Subject subject = new Subject();
        subject.getPrincipals().add(new UserPrincipal("testkit-admin"));
        // the roles of the distribution's holdfast-admins group (etc/users.properties); holdfast:* commands need
        // holdfast-viewer/-operator/-admin (etc/org.apache.karaf.command.acl.holdfast.cfg)
        for (String role : new String[] {"holdfast-admin", "holdfast-operator", "holdfast-viewer", "admin", "manager", "viewer",
            "systembundles"}) {
            subject.getPrincipals().add(new RolePrincipal(role));
        }
        subject.setReadOnly();
        return subject;
    }

    /** The registered commands of {@code scope} once all of {@code expected} are there, or when the time is up. */
    public Set<String> awaitCommands(String scope, Set<String> expected, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        Set<String> registered = commands(scope);
        while (!registered.containsAll(expected) && System.currentTimeMillis() < deadline) {
            Thread.sleep(250);
            registered = commands(scope);
        }
        return registered;
    }

    /**
     * Registered commands as {@code scope:name}, e.g. {@code holdfast:status}, as the admin sees them: with a
     * command ACL for the scope, Karaf's registry shows a command only to a caller holding one of its roles.
     */
    @SuppressWarnings("removal") // Subject.doAs, as in asAdmin
    public Set<String> commands(String scope) {
        Set<String> names = new TreeSet<>();
        List<Command> visible = Subject.doAs(ADMIN, (java.security.PrivilegedAction<List<Command>>) () ->
                sessionFactory.getRegistry().getCommands());
        for (Command command : visible) {
            if (scope.equals(command.getScope())) {
                names.add(command.getScope() + ":" + command.getName());
            }
        }
        return names;
    }
}
