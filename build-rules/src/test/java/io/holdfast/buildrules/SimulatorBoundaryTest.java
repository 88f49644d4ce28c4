package io.holdfast.buildrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Simulators share no code with Holdfast's side of the protocol (issue 13 point 1, DESIGN.md "Simulators
 * share no protocol code with connectors"): a misunderstanding written into both sides would pass every
 * test and fail against the real system. Every simulator module ({@code simulators/*},
 * {@code examples/<name>/*simulator*}, found on the disk) is checked class by class as bnd analyses it.
 */
class SimulatorBoundaryTest {

    /**
     * Library packages a simulator may use, by simulator artifactId. Empty on purpose: a simulator that decodes
     * its protocol with the library the connector uses tests nothing about that library. An entry here is a
     * reviewed exception (e.g. a library for something the simulator does not simulate) with its reason.
     */
    private static final Map<String, Set<String>> LIBRARY_PACKAGES_ALLOWED = Map.of();

    private static Map<String, ModuleRole> modules;
    private static Map<String, BundleManifest> built;
    private static Map<String, String> owners;

    @BeforeAll
    static void readBundles() {
        modules = BuiltBundles.modulesOnDisk();
        built = BuiltBundles.onClassPath();
        owners = holdfastPackageOwners();
    }

    @Test
    void everySimulatorFolderIsChecked() {
        assertThat(withRole(ModuleRole.SIMULATOR)).extracting(BundleManifest::artifactId).contains(
                "holdfast-simulator-apim", "holdfast-simulator-mesh", "holdfast-simulator-mllp", "holdfast-simulator-pds",
                "pathology-lab-simulator");
    }

    @Test
    void simulatorClassesReferToNoConnectorLibraryOrKernelCode() {
        Set<String> visible = new TreeSet<>();
        withRole(ModuleRole.CANONICAL_API, ModuleRole.SIMULATOR).forEach(b -> visible.addAll(b.exports().keySet()));
        List<String> violations = new ArrayList<>();
        for (BundleManifest simulator : withRole(ModuleRole.SIMULATOR)) {
            violations.addAll(BoundaryRules.simulatorCode(BundleClasses.read(simulator.artifactId(), simulator.jar()), visible,
                    owners, LIBRARY_PACKAGES_ALLOWED.getOrDefault(simulator.artifactId(), Set.of())));
        }

        assertThat(owners).containsKeys("io.holdfast.mesh.protocol", "io.holdfast.mllp.protocol", "io.holdfast.hl7v2");
        assertThat(violations).isEmpty();
    }

    /** The class scan itself, on a real jar: the MLLP connector read as if it were a simulator is refused. */
    @Test
    void aConnectorJarPassedOffAsASimulatorIsRefused() {
        Set<String> visible = new TreeSet<>(BuiltBundles.require(built, "canonical-api").exports().keySet());
        BundleClasses mllp = BundleClasses.read("holdfast-mllp", BuiltBundles.require(built, "holdfast-mllp").jar());

        List<String> violations = BoundaryRules.simulatorCode(mllp, visible, owners, Set.of());

        assertThat(violations).anyMatch(v -> v.contains("refers to io.holdfast.hl7v2 (library holdfast-lib-hl7v2)"))
                .anyMatch(v -> v.startsWith("holdfast-mllp contains package io.holdfast.mllp.protocol of connector holdfast-mllp"));
    }

    /** Every Holdfast package in a connector, library or kernel jar → "connector holdfast-mesh" etc. */
    private static Map<String, String> holdfastPackageOwners() {
        Map<String, String> packageOwners = new TreeMap<>();
        modules.forEach((artifactId, role) -> {
            String kind = switch (role) {
                case CONNECTOR -> "connector ";
                case LIBRARY -> "library ";
                case KERNEL -> "kernel bundle ";
                case CANONICAL_API, SIMULATOR -> null;
            };
            if (kind != null) {
                BundleManifest bundle = BuiltBundles.require(built, artifactId);
                BundleClasses.packagesIn(bundle.jar()).stream()
                        .filter(p -> p.startsWith(BundleManifest.HOLDFAST)).forEach(p -> packageOwners.put(p, kind + artifactId));
            }
        });
        return packageOwners;
    }

    private static List<BundleManifest> withRole(ModuleRole... roles) {
        List<ModuleRole> wanted = List.of(roles);
        return modules.entrySet().stream().filter(e -> wanted.contains(e.getValue()))
                .map(e -> BuiltBundles.require(built, e.getKey())).toList();
    }
}
