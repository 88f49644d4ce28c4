package io.holdfast.journal.internal.command;

import java.security.AccessController;
import java.security.Principal;
import java.util.Set;
import java.util.regex.Pattern;
import javax.security.auth.Subject;

/**
 * NHS numbers masked for a shell user who only views (role holdfast-viewer, etc/org.apache.karaf.command.acl.holdfast.cfg):
 * operators and admins see clear values. Karaf runs every command inside the caller's JAAS Subject; the role
 * principals are matched by class name (Karaf's RolePrincipal) so this bundle needs no JAAS import. Without a
 * Subject (plain-JVM callers, not a shell session) nothing is masked.
 */
final class ViewerMask {
    static final String MASK = "*** *** ****";
    private static final Pattern NHS_NUMBER = Pattern.compile("(?<!\\d)\\d{3}[ -]?\\d{3}[ -]?\\d{4}(?!\\d)");
    private static final Set<String> CLEAR_ROLES = Set.of("holdfast-operator", "holdfast-admin", "admin");

    private final boolean masking;

    private ViewerMask(boolean masking) {
        this.masking = masking;
    }

    @SuppressWarnings("removal") // Subject.getSubject(AccessControlContext): what Karaf 4.4 on Java 17 sets
    static ViewerMask forCaller() {
        return forSubject(Subject.getSubject(AccessController.getContext()));
    }

    static ViewerMask forSubject(Subject subject) {
        if (subject == null) {
            return new ViewerMask(false);
        }
        boolean clear = subject.getPrincipals().stream().filter(ViewerMask::isRole).map(Principal::getName)
                .anyMatch(CLEAR_ROLES::contains);
        return new ViewerMask(!clear);
    }

    private static boolean isRole(Principal p) {
        return p.getClass().getSimpleName().equals("RolePrincipal");
    }

    String apply(String text) {
        return masking && text != null ? NHS_NUMBER.matcher(text).replaceAll(MASK) : text;
    }
}
