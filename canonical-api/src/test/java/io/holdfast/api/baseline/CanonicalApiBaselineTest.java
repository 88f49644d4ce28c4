package io.holdfast.api.baseline;

import static io.holdfast.api.baseline.ApiBundles.addMember;
import static io.holdfast.api.baseline.ApiBundles.packageVersion;
import static org.assertj.core.api.Assertions.assertThat;

import aQute.bnd.differ.Baseline;
import aQute.bnd.osgi.Jar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The semantic-versioning gate: bnd's baseline of the API against the committed 1.0.0 reference
 * jar. The build runs the same analysis (maven-bundle-plugin {@code baseline}, failOnError); these
 * tests prove it passes on the API as it is and fails on incompatible changes made without the
 * package version bump they need, and that type roles decide what "incompatible" means.
 */
class CanonicalApiBaselineTest {

    @TempDir
    Path work;

    @Test
    void theReferenceJarIsCommittedWhereTheBuildResolvesIt() {
        assertThat(ApiBundles.REFERENCE_JAR).isRegularFile();
        assertThat(ApiBundles.REFERENCE_JAR.toString())
                .endsWith("baseline/repo/io/holdfast/canonical-api/1.0.0/canonical-api-1.0.0.jar");
    }

    @Test
    void theApiAsItIsDeclaresEveryVersionChangeItNeeds() throws Exception {
        try (Jar current = ApiBundles.bundle(ApiBundles.CLASSES)) {
            Set<Baseline.Info> infos = ApiBundles.baselineAgainstReference(current);

            assertThat(infos).extracting(i -> i.packageName)
                    .contains("io.holdfast.api.spi", "io.holdfast.api.kernel", "io.holdfast.api.model");
            assertThat(mismatches(infos)).isEmpty();
        }
    }

    @Test
    void removingAPublicTypeWithoutAMajorBumpFails() throws Exception {
        Path classes = ApiBundles.classesWithEdits(work, Map.of());
        Files.delete(classes.resolve("io/holdfast/api/model/OrganisationRef.class"));

        try (Jar broken = ApiBundles.bundle(classes)) {
            Baseline.Info model = info(ApiBundles.baselineAgainstReference(broken), "io.holdfast.api.model");

            assertThat(model.mismatch).isTrue();
            assertThat(model.suggestedVersion.getMajor()).isEqualTo(2);
        }
    }

    /*
     * ReconciliationSource has no default or static methods on purpose: bnd 7.4 rates a new abstract
     * method on an interface that has any as MINOR whatever its role (README "Versioning").
     */
    @Test
    void aNewMethodOnAConsumerTypeNeedsAMajorBumpEvenWhenTheMinorWasBumped() throws Exception {
        Path classes = ApiBundles.classesWithEdits(work, Map.of(
                "io/holdfast/api/spi/ReconciliationSource.java", addMember("void addedForTheBaselineTest();"),
                "io/holdfast/api/spi/package-info.java", packageVersion("1.3.0")));

        try (Jar broken = ApiBundles.bundle(classes)) {
            Baseline.Info spi = info(ApiBundles.baselineAgainstReference(broken), "io.holdfast.api.spi");

            assertThat(spi.mismatch).as("connectors implement ReconciliationSource: a new abstract method breaks them").isTrue();
            assertThat(spi.suggestedVersion.toString()).isEqualTo("2.0.0");
        }
    }

    @Test
    void aNewMethodOnAProviderTypeNeedsOnlyAMinorBump() throws Exception {
        String added = "void addedForTheBaselineTest();";
        Path unbumped = ApiBundles.classesWithEdits(work.resolve("unbumped"), Map.of(
                "io/holdfast/api/kernel/Intake.java", addMember(added)));

        try (Jar current = ApiBundles.bundle(ApiBundles.CLASSES); Jar withoutBump = ApiBundles.bundle(unbumped)) {
            Baseline.Info refused = info(ApiBundles.baseline(withoutBump, current), "io.holdfast.api.kernel");
            String nextMinor = refused.olderVersion.getMajor() + "." + (refused.olderVersion.getMinor() + 1) + ".0";
            Path bumped = ApiBundles.classesWithEdits(work.resolve("bumped"), Map.of(
                    "io/holdfast/api/kernel/Intake.java", addMember(added),
                    "io/holdfast/api/kernel/package-info.java", packageVersion(nextMinor)));
            try (Jar withBump = ApiBundles.bundle(bumped)) {
                Baseline.Info accepted = info(ApiBundles.baseline(withBump, current), "io.holdfast.api.kernel");

                assertThat(refused.mismatch).isTrue();
                assertThat(refused.suggestedVersion.toString()).as("only the kernel implements Intake").isEqualTo(nextMinor);
                assertThat(accepted.mismatch).isFalse();
            }
        }
    }

    private static Baseline.Info info(Set<Baseline.Info> infos, String packageName) {
        return infos.stream().filter(i -> i.packageName.equals(packageName)).findFirst()
                .orElseThrow(() -> new AssertionError("no baseline entry for " + packageName));
    }

    private static Set<String> mismatches(Set<Baseline.Info> infos) {
        return infos.stream().filter(i -> i.mismatch)
                .map(i -> i.packageName + " declares " + i.newerVersion + ", needs " + i.suggestedVersion)
                .collect(Collectors.toSet());
    }
}
