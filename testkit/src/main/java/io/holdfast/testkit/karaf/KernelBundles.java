package io.holdfast.testkit.karaf;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** What counts as "the kernel" in these tests: the bundles of feature holdfast-kernel and every io.holdfast bundle. */
public final class KernelBundles {
    public static final String KERNEL_FEATURE = "holdfast-kernel";

    private KernelBundles() {
    }

    public static boolean isHoldfastBundle(Bundle bundle) {
        String name = bundle.getSymbolicName();
        return name != null && (name.startsWith("io.holdfast.") || name.equals("canonical-api"));
    }

    /** Locations of holdfast-kernel's own bundles (kernel bundles and shared libraries), as Karaf installs them. */
    public static Set<String> featureLocations(FeaturesService features) throws Exception {
        return features.getFeature(KERNEL_FEATURE).getBundles().stream()
                .map(BundleInfo::getLocation)
                .collect(Collectors.toSet());
    }

    /** The installed bundles of holdfast-kernel. */
    public static List<Bundle> featureBundles(BundleContext context, FeaturesService features) throws Exception {
        Set<String> locations = featureLocations(features);
        return List.of(context.getBundles()).stream()
                .filter(bundle -> locations.contains(bundle.getLocation()))
                .collect(Collectors.toList());
    }

    /** Kernel = holdfast-kernel's bundles and every Holdfast bundle, except those named. */
    public static Predicate<Bundle> kernel(FeaturesService features, Set<String> excludedSymbolicNames) throws Exception {
        Set<String> locations = featureLocations(features);
        return bundle -> !excludedSymbolicNames.contains(bundle.getSymbolicName())
                && (isHoldfastBundle(bundle) || locations.contains(bundle.getLocation()));
    }
}
