package io.holdfast.journal.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.security.PrivilegedAction;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;

class ViewerMaskTest {
    /** Same simple name as Karaf's org.apache.karaf.jaas.boot.principal.RolePrincipal. */
    record RolePrincipal(String getName) implements Principal {
    }

    private static Subject withRoles(String... roles) {
        Subject s = new Subject();
        for (String r : roles) {
            s.getPrincipals().add(new RolePrincipal(r));
        }
        return s;
    }

    @Test
    void viewerSeesNhsNumbersMaskedInEveryNotation() {
        ViewerMask viewer = ViewerMask.forSubject(withRoles("holdfast-viewer", "viewer", "ssh"));
        assertThat(viewer.apply("PID-3 9434765919 and 943 476 5919, 943-476-5919"))
                .isEqualTo("PID-3 *** *** **** and *** *** ****, *** *** ****")
                .doesNotContain("5919");
        assertThat(viewer.apply("message 12345678901 id")).as("not 10 digits: untouched").isEqualTo("message 12345678901 id");
        assertThat(viewer.apply(null)).isNull();
    }

    @Test
    void operatorsAndAdminsSeeClearValues() {
        for (String role : new String[] {"holdfast-operator", "holdfast-admin", "admin"}) {
            assertThat(ViewerMask.forSubject(withRoles("holdfast-viewer", role)).apply("9434765919")).isEqualTo("9434765919");
        }
        assertThat(ViewerMask.forSubject(null).apply("9434765919")).as("no shell session").isEqualTo("9434765919");
    }

    @Test
    void callerSubjectIsTheOneKarafRunsTheCommandIn() {
        String masked = Subject.doAs(withRoles("holdfast-viewer"),
                (PrivilegedAction<String>) () -> ViewerMask.forCaller().apply("9434765919"));
        assertThat(masked).isEqualTo(ViewerMask.MASK);
    }
}
