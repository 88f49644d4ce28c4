package io.holdfast.buildrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules on hand-written manifests: each flags what it must and nothing else. */
class BoundaryRulesTest {

    private static final BundleManifest API = BundleManifest.of("canonical-api",
            "io.holdfast.api.kernel;version=\"1.3.0\",io.holdfast.api.spi;version=\"1.2.1\"", "",
            Set.of("io.holdfast.api.kernel", "io.holdfast.api.spi"));
    private static final BundleManifest HL7 = BundleManifest.of("holdfast-lib-hl7v2",
            "io.holdfast.hl7v2;version=\"2.0.0\",ca.uhn.hl7v2;version=\"2.6.0\"", "", Set.of("io.holdfast.hl7v2"));

    @Test
    void aConnectorImportingTheCredentialsBundleOrAKernelInternalIsRefused() {
        BundleManifest connector = BundleManifest.of("holdfast-mesh", "",
                "io.holdfast.api.kernel;version=\"[1.3,2)\",io.holdfast.credentials.api;version=\"[1.0,2)\","
                        + "io.holdfast.journal.internal,com.fasterxml.jackson.databind", Set.of());

        assertThat(BoundaryRules.connectorImports(connector, List.of(API, HL7))).containsExactly(
                "holdfast-mesh imports io.holdfast.credentials.api: a connector compiles against canonical-api and holdfast-lib-* only (move the type it needs to canonical-api)",
                "holdfast-mesh imports io.holdfast.journal.internal: a connector compiles against canonical-api and holdfast-lib-* only (move the type it needs to canonical-api)");
    }

    @Test
    void aConnectorMayImportTheApiLibrariesAndItsOwnExports() {
        BundleManifest connector = BundleManifest.of("holdfast-mllp", "io.holdfast.mllp.protocol;version=\"2.0.0\"",
                "io.holdfast.api.spi;version=\"[1.2,2)\",io.holdfast.hl7v2;version=\"[2.0,3)\",ca.uhn.hl7v2,"
                        + "io.holdfast.mllp.protocol;version=\"[2.0,3)\",io.netty.buffer", Set.of("io.holdfast.mllp.protocol"));

        assertThat(BoundaryRules.connectorImports(connector, List.of(API, HL7))).isEmpty();
    }

    @Test
    void aSimulatorImportingConnectorCodeIsRefused() {
        BundleManifest connector = BundleManifest.of("holdfast-mesh", "io.holdfast.mesh.protocol;version=\"1.1.0\"", "",
                Set.of("io.holdfast.mesh.protocol"));
        BundleManifest simulator = BundleManifest.of("holdfast-simulator-mesh", "",
                "io.holdfast.mesh.protocol;version=\"[1.1,2)\"", Set.of());

        assertThat(BoundaryRules.connectorImporters(connector, List.of(connector, simulator, API))).containsExactly(
                "holdfast-simulator-mesh imports io.holdfast.mesh.protocol of connector holdfast-mesh: nothing may depend on connector code (write it from the published protocol instead)");
    }

    private static final Set<String> VISIBLE_TO_SIMULATORS = Set.of("io.holdfast.api.kernel", "io.holdfast.api.spi",
            "io.holdfast.simulator.apim");
    private static final Map<String, String> OWNERS = Map.of("io.holdfast.mesh.protocol", "connector holdfast-mesh",
            "io.holdfast.mesh.internal", "connector holdfast-mesh", "io.holdfast.hl7v2", "library holdfast-lib-hl7v2",
            "io.holdfast.journal.internal", "kernel bundle holdfast-journal");

    @Test
    void aSimulatorClassReferringToConnectorLibraryKernelOrUnknownHoldfastCodeIsRefused() {
        BundleClasses simulator = BundleClasses.of("holdfast-simulator-mesh", Map.of(
                "io.holdfast.simulator.mesh.MeshSimulator", Set.of("io.holdfast.simulator.mesh.internal", "io.holdfast.mesh.protocol"),
                "io.holdfast.simulator.mesh.internal.Feed", Set.of("io.holdfast.hl7v2", "io.holdfast.journal.internal",
                        "io.holdfast.testkit.fixture")));

        assertThat(BoundaryRules.simulatorCode(simulator, VISIBLE_TO_SIMULATORS, OWNERS, Set.of())).containsExactly(
                "holdfast-simulator-mesh: io.holdfast.simulator.mesh.MeshSimulator refers to io.holdfast.mesh.protocol (connector holdfast-mesh): a simulator is written from the published protocol and uses canonical-api only",
                "holdfast-simulator-mesh: io.holdfast.simulator.mesh.internal.Feed refers to io.holdfast.hl7v2 (library holdfast-lib-hl7v2): a simulator is written from the published protocol and uses canonical-api only",
                "holdfast-simulator-mesh: io.holdfast.simulator.mesh.internal.Feed refers to io.holdfast.journal.internal (kernel bundle holdfast-journal): a simulator is written from the published protocol and uses canonical-api only",
                "holdfast-simulator-mesh: io.holdfast.simulator.mesh.internal.Feed refers to io.holdfast.testkit.fixture (exported by no canonical-api or simulator bundle): a simulator is written from the published protocol and uses canonical-api only");
    }

    @Test
    void aSimulatorCarryingACopyOfConnectorCodeIsRefusedThoughItImportsNothing() {
        BundleClasses simulator = BundleClasses.of("holdfast-simulator-mesh", Map.of(
                "io.holdfast.simulator.mesh.MeshSimulator", Set.of("io.holdfast.mesh.internal"),
                "io.holdfast.mesh.internal.AuthToken", Set.of()));

        assertThat(BoundaryRules.simulatorCode(simulator, VISIBLE_TO_SIMULATORS, OWNERS, Set.of())).containsExactly(
                "holdfast-simulator-mesh contains package io.holdfast.mesh.internal of connector holdfast-mesh: a simulator carries no copy of Holdfast's protocol code",
                "holdfast-simulator-mesh: io.holdfast.simulator.mesh.MeshSimulator refers to io.holdfast.mesh.internal (connector holdfast-mesh): a simulator is written from the published protocol and uses canonical-api only");
    }

    @Test
    void aSimulatorMayUseTheApiOtherSimulatorsItsOwnPackagesAndLibraryPackagesAllowedByName() {
        BundleClasses simulator = BundleClasses.of("holdfast-simulator-pds", Map.of(
                "io.holdfast.simulator.pds.PdsSimulator", Set.of("io.holdfast.api.kernel", "io.holdfast.simulator.apim",
                        "io.holdfast.simulator.pds.internal", "io.holdfast.hl7v2"),
                "io.holdfast.simulator.pds.internal.Patients", Set.of("io.holdfast.simulator.pds")));

        assertThat(BoundaryRules.simulatorCode(simulator, VISIBLE_TO_SIMULATORS, OWNERS, Set.of("io.holdfast.hl7v2"))).isEmpty();
        assertThat(BoundaryRules.simulatorCode(simulator, VISIBLE_TO_SIMULATORS, OWNERS, Set.of())).hasSize(1);
    }

    @Test
    void commandAndInternalExportsAndExportsWithoutPackageInfoAreRefused() {
        BundleManifest bundle = BundleManifest.of("holdfast-health",
                "io.holdfast.health.api;version=\"1.0.0\",io.holdfast.health.command;version=\"0.1.0\","
                        + "io.holdfast.health.internal.checks;version=\"0.1.0\",io.holdfast.health.extra;version=\"0.1.0\","
                        + "org.example.shaded;version=\"1.0\"",
                "", Set.of("io.holdfast.health.api", "io.holdfast.health.command"));

        assertThat(BoundaryRules.exports(bundle, true)).containsExactly(
                "holdfast-health exports io.holdfast.health.command: implementation and command packages stay private (rename to *.internal.* or exclude it from the exports)",
                "holdfast-health exports io.holdfast.health.extra (version 0.1.0) without a package-info: give it @Export and @Version, or keep it private",
                "holdfast-health exports io.holdfast.health.internal.checks: implementation and command packages stay private (rename to *.internal.* or exclude it from the exports)");
    }

    @Test
    void packagesThatMerelyContainAForbiddenWordAreApi() {
        BundleManifest bundle = BundleManifest.of("holdfast-x",
                "io.holdfast.commandline.api;version=\"1.0.0\",io.holdfast.internals;version=\"1.0.0\"", "",
                Set.of("io.holdfast.commandline.api", "io.holdfast.internals"));

        assertThat(BoundaryRules.exports(bundle, true)).isEmpty();
    }

    @Test
    void aSimulatorMayExportAnUnversionedPackageButNoCommandPackage() {
        BundleManifest simulator = BundleManifest.of("holdfast-simulator-mllp",
                "io.holdfast.simulator.mllp;version=\"0.1.0\",io.holdfast.simulator.mllp.command;version=\"0.1.0\"", "", Set.of());

        assertThat(BoundaryRules.exports(simulator, false)).containsExactly(
                "holdfast-simulator-mllp exports io.holdfast.simulator.mllp.command: implementation and command packages stay private (rename to *.internal.* or exclude it from the exports)");
    }
}
