package io.holdfast.buildrules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Only API packages are exported (issue 13 point 1, STYLE 1): no bundle of the repository exports an
 * internal, impl or shell-command package, and every exported Holdfast package of canonical-api, the
 * kernel, libraries and connectors is a versioned one (has a package-info); simulators, which ship only
 * in the sandbox, may export unversioned packages. Read from the built manifests.
 */
class ExportedPackagesTest {

    @Test
    void noBundleExportsImplementationOrCommandPackages() {
        Map<String, ModuleRole> modules = BuiltBundles.modulesOnDisk();
        Map<String, BundleManifest> built = BuiltBundles.onClassPath();
        List<String> violations = new ArrayList<>();
        modules.forEach((artifactId, role) -> violations.addAll(
                BoundaryRules.exports(BuiltBundles.require(built, artifactId), role != ModuleRole.SIMULATOR)));

        assertThat(violations).isEmpty();
    }
}
