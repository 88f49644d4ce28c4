package io.holdfast.simulator.mllp;

import static org.assertj.core.api.Assertions.assertThat;

import aQute.bnd.osgi.Analyzer;
import aQute.bnd.osgi.Clazz;
import aQute.bnd.osgi.Descriptors.PackageRef;
import java.io.File;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The simulator is the NHS side (a PAS feed, a downstream EPR) written from HL7 v2 and MLLP as
 * NHS-INTERFACES.md describes them, never from the connector's or the HL7 library's code: a
 * misunderstanding shared by both sides would pass every test and fail against a real system
 * (DESIGN.md, "Simulators share no protocol code with connectors"). bnd analyses the compiled main
 * classes as the bundle build does; the only Holdfast packages they may refer to are canonical-api
 * ({@code io.holdfast.api}) and the simulator's own.
 */
class NoConnectorCodeTest {
    @Test
    void mainClassesReferToNoConnectorOrKernelPackage() throws Exception {
        assertThat(holdfastPackagesOutsideApiAndSimulator(new File("target/classes"))).isEmpty();
    }

    @Test
    void connectorKernelAndLibraryPackagesAreForbiddenApiAndSimulatorsAllowed() {
        assertThat(forbidden("io.holdfast.mesh.protocol")).isTrue();
        assertThat(forbidden("io.holdfast.mllp.protocol")).isTrue();
        assertThat(forbidden("io.holdfast.hl7v2")).isTrue();
        assertThat(forbidden("io.holdfast.journal.internal")).isTrue();
        assertThat(forbidden("io.holdfast.api.kernel")).isFalse();
        assertThat(forbidden("io.holdfast.simulator.mesh.internal")).isFalse();
        assertThat(forbidden("io.netty.channel")).isFalse();
    }

    /** "class -> package" for every reference from a main class to a Holdfast package it may not use. */
    static Set<String> holdfastPackagesOutsideApiAndSimulator(File classes) throws Exception {
        Set<String> offending = new TreeSet<>();
        try (Analyzer analyzer = new Analyzer()) {
            analyzer.setJar(classes);
            analyzer.analyze();
            assertThat(analyzer.getClassspace()).as("compiled classes in " + classes).isNotEmpty();
            for (Clazz clazz : analyzer.getClassspace().values()) {
                for (PackageRef ref : clazz.getReferred()) {
                    if (forbidden(ref.getFQN())) {
                        offending.add(clazz.getFQN() + " -> " + ref.getFQN());
                    }
                }
            }
        }
        return offending;
    }

    static boolean forbidden(String pkg) {
        return pkg.startsWith("io.holdfast.") && !pkg.startsWith("io.holdfast.api.") && !pkg.startsWith("io.holdfast.simulator.");
    }
}
