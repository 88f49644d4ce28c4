package io.holdfast.buildrules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The module-boundary rules, as pure functions over manifests, each violation one line that says
 * what is wrong and where. The tests apply them to the built bundles.
 */
final class BoundaryRules {

    /** Package name segments that are implementation or shell commands, never API. */
    private static final Pattern NOT_API = Pattern.compile("(^|\\.)(internal|impl|command|commands|shell)(\\.|$)");

    private BoundaryRules() {
    }

    /**
     * A connector imports Holdfast packages only from canonical-api and library bundles (and its own
     * exports, which bnd imports back): never a kernel bundle's package, internal or not.
     */
    static List<String> connectorImports(BundleManifest connector, Collection<BundleManifest> apiAndLibraries) {
        Set<String> allowed = new TreeSet<>(connector.exports().keySet());
        apiAndLibraries.forEach(b -> allowed.addAll(b.exports().keySet()));
        List<String> violations = new ArrayList<>();
        for (String imported : connector.imports()) {
            if (imported.startsWith(BundleManifest.HOLDFAST) && !allowed.contains(imported)) {
                violations.add(connector.artifactId() + " imports " + imported + ": a connector compiles against "
                        + "canonical-api and holdfast-lib-* only (move the type it needs to canonical-api)");
            }
        }
        return violations;
    }

    /** No other bundle (kernel, simulator, another connector) imports what a connector exports. */
    static List<String> connectorImporters(BundleManifest connector, Collection<BundleManifest> others) {
        List<String> violations = new ArrayList<>();
        for (BundleManifest other : others) {
            for (String exported : connector.exports().keySet()) {
                if (!other.artifactId().equals(connector.artifactId()) && other.imports().contains(exported)) {
                    violations.add(other.artifactId() + " imports " + exported + " of connector " + connector.artifactId()
                            + ": nothing may depend on connector code (write it from the published protocol instead)");
                }
            }
        }
        return violations;
    }

    /**
     * A simulator is the other side written from the published protocol, never from Holdfast's side of it:
     * its classes name no Holdfast package but canonical-api's, simulators' exports, its own and those
     * {@code allowed} for it explicitly; and it contains no package of a connector, library or kernel
     * bundle (copied-in code, which {@code Import-Package} would not show).
     *
     * @param visible what every simulator may use: canonical-api's and the simulators' exports
     * @param owners  package → module ("connector holdfast-mesh") of every connector, library and kernel package
     * @param allowed packages of a library this simulator may use, each allowed by name in the build rules
     */
    static List<String> simulatorCode(BundleClasses simulator, Set<String> visible, Map<String, String> owners,
            Set<String> allowed) {
        List<String> violations = new ArrayList<>();
        for (String own : simulator.packages()) {
            if (owners.containsKey(own)) {
                violations.add(simulator.artifactId() + " contains package " + own + " of " + owners.get(own)
                        + ": a simulator carries no copy of Holdfast's protocol code");
            }
        }
        simulator.holdfastReferences().forEach((clazz, packages) -> {
            for (String pkg : packages) {
                boolean permitted = visible.contains(pkg) || allowed.contains(pkg)
                        || (simulator.packages().contains(pkg) && !owners.containsKey(pkg));
                if (!permitted) {
                    violations.add(simulator.artifactId() + ": " + clazz + " refers to " + pkg + " ("
                            + owners.getOrDefault(pkg, "exported by no canonical-api or simulator bundle")
                            + "): a simulator is written from the published protocol and uses canonical-api only");
                }
            }
        });
        return violations;
    }

    /**
     * A bundle exports only API: no implementation or command package, and (if {@code versioned})
     * every exported Holdfast package carries a package-info (its semantic version, STYLE 1).
     */
    static List<String> exports(BundleManifest bundle, boolean versioned) {
        List<String> violations = new ArrayList<>();
        bundle.exports().forEach((pkg, version) -> {
            if (!pkg.startsWith(BundleManifest.HOLDFAST)) {
                return;
            }
            if (NOT_API.matcher(pkg).find()) {
                violations.add(bundle.artifactId() + " exports " + pkg + ": implementation and command packages "
                        + "stay private (rename to *.internal.* or exclude it from the exports)");
            } else if (versioned && !bundle.packageInfos().contains(pkg)) {
                violations.add(bundle.artifactId() + " exports " + pkg + " (version " + version
                        + ") without a package-info: give it @Export and @Version, or keep it private");
            }
        });
        return violations;
    }
}
