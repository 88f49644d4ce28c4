package io.holdfast.buildrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 point 1 on the built bundles: every connector imports only canonical-api and library
 * packages (no kernel bundle, no internal package), and no other bundle imports connector code.
 * Read from the manifests bnd computed, i.e. what the OSGi framework will wire.
 */
class ConnectorBoundaryTest {

    private static Map<String, ModuleRole> modules;
    private static Map<String, BundleManifest> built;

    @BeforeAll
    static void readBundles() {
        modules = BuiltBundles.modulesOnDisk();
        built = BuiltBundles.onClassPath();
    }

    @Test
    void everyBundleModuleOfTheRepositoryIsChecked() {
        assertThat(modules).containsKeys("canonical-api", "holdfast-credentials", "holdfast-mllp", "holdfast-mesh");
        modules.keySet().forEach(artifactId -> BuiltBundles.require(built, artifactId));
    }

    @Test
    void connectorsImportOnlyCanonicalApiAndLibraryPackages() {
        List<BundleManifest> apiAndLibraries = withRole(ModuleRole.CANONICAL_API, ModuleRole.LIBRARY);
        List<String> violations = new ArrayList<>();
        withRole(ModuleRole.CONNECTOR).forEach(c -> violations.addAll(BoundaryRules.connectorImports(c, apiAndLibraries)));

        assertThat(withRole(ModuleRole.CONNECTOR)).isNotEmpty();
        assertThat(violations).isEmpty();
    }

    @Test
    void nothingImportsConnectorCode() {
        List<BundleManifest> everyBundle = withRole(ModuleRole.values());
        List<String> violations = new ArrayList<>();
        withRole(ModuleRole.CONNECTOR).forEach(c -> violations.addAll(BoundaryRules.connectorImporters(c, everyBundle)));

        assertThat(violations).isEmpty();
    }

    private static List<BundleManifest> withRole(ModuleRole... roles) {
        List<ModuleRole> wanted = List.of(roles);
        return modules.entrySet().stream().filter(e -> wanted.contains(e.getValue()))
                .map(e -> BuiltBundles.require(built, e.getKey())).toList();
    }
}
