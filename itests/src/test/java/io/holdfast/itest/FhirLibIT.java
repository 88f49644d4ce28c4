package io.holdfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.holdfast.api.event.DemographicUpdate;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.SensitivityFlag;
import io.holdfast.api.spi.Codec;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.karaf.KarafShell;
import io.holdfast.testkit.karaf.KernelBundleWatch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Filter;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code feature:install holdfast-lib-fhir} (HAPI FHIR 8.12 and its dependencies, two dozen bundles) into
 * the running distribution refreshes, stops or re-resolves no bundle that was there before, kernel or
 * Karaf: the kernel's Jackson already satisfies HAPI (issue 14 A.1). The FHIR Codec service then decodes
 * a PDS-shaped Patient in the container. Times are printed, not asserted: the first resolution (the
 * {@code feature:install -t} simulation, which computes the wrap: manifests), the install after it
 * (feature:install until the Codec service is registered) and the first decode (the shared FhirContext is
 * built); the benchmark figure {@code fhir_install_s} comes from {@code benchmarks/run fhir}.
 */
public class FhirLibIT extends KernelTestSupport {
    private static final String FEATURE = "holdfast-lib-fhir";
    private static final String LIB_BUNDLE = "io.holdfast.lib-fhir";
    private static final long WAIT_MILLIS = 60_000;
    private static final String PATIENT = "{\"resourceType\":\"Patient\",\"id\":\"9000000025\","
            + "\"meta\":{\"versionId\":\"2\",\"security\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/v3-Confidentiality\","
            + "\"code\":\"R\"}]},\"identifier\":[{\"system\":\"https://fhir.nhs.uk/Id/nhs-number\",\"value\":\"9000000025\"}],"
            + "\"name\":[{\"use\":\"official\",\"family\":\"Smythe\",\"given\":[\"Janet\"]}],\"gender\":\"female\",\"birthDate\":\"2010-10-22\"}";

    @Test
    public void installRefreshesNoOtherBundleAndTheCodecDecodesInTheContainer() throws Exception {
        KarafShell shell = shell();
        assertFalse("precondition: " + FEATURE + " is not installed", features.isInstalled(features.getFeature(FEATURE)));
        Set<Long> before = Arrays.stream(bundleContext.getBundles()).map(Bundle::getBundleId).collect(Collectors.toSet());

        long resolveStart = System.nanoTime();
        String simulation = shell.simulateInstall(bundleContext, FEATURE);
        // the first resolution computes the manifests of the wrap: bundles (Saxon-HE, kotlin-stdlib): most of the cost
        double firstResolveSeconds = (System.nanoTime() - resolveStart) / 1e9;
        assertTrue("the simulation installs HAPI FHIR:\n" + simulation, simulation.contains("hapi-fhir-base"));
        assertFalse("feature:install -t -v reports bundles to refresh:\n" + simulation, simulation.contains("to refresh"));

        Filter fhirCodec = bundleContext.createFilter("(&(objectClass=" + Codec.class.getName() + ")(holdfast.format=FHIR))");
        ServiceTracker<Codec<?>, Codec<?>> tracker = new ServiceTracker<>(bundleContext, fhirCodec, null);
        tracker.open();
        try (KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, b -> before.contains(b.getBundleId()))) {
            assertEquals("the watch covers every bundle present before the install", before.size(), watch.watchedBundles());

            long start = System.nanoTime();
            shell.run("feature:install " + FEATURE);
            @SuppressWarnings("unchecked")
            Codec<byte[]> codec = (Codec<byte[]>) tracker.waitForService(WAIT_MILLIS);
            double installSeconds = (System.nanoTime() - start) / 1e9;
            assertNotNull("the FHIR Codec service (holdfast.format=FHIR) did not appear within " + WAIT_MILLIS + " ms", codec);

            long parseStart = System.nanoTime();
            DecodeResult result = codec.decode(PATIENT.getBytes(StandardCharsets.UTF_8),
                    Envelope.of("fhir-it-1", "itest", "fhir:itest", WireFormat.fhirR4()), FieldTrail.empty());
            double firstDecodeSeconds = (System.nanoTime() - parseStart) / 1e9;
            System.out.println(String.format(Locale.ROOT, "BENCHMARK fhir_first_resolve_s=%.2f fhir_install_after_resolve_s=%.2f "
                    + "fhir_first_decode_s=%.2f bundles_added=%d (figure of record: benchmarks/run fhir)", firstResolveSeconds,
                    installSeconds, firstDecodeSeconds, bundleContext.getBundles().length - before.size()));

            assertTrue("decoded: " + result, result instanceof DecodeResult.Decoded);
            DemographicUpdate update = (DemographicUpdate) ((DecodeResult.Decoded) result).events().get(0);
            assertEquals(NhsNumber.parse("9000000025"), update.patient().nhsNumber().orElseThrow());
            assertEquals(SensitivityFlag.R, update.patient().sensitivity());

            assertEquals("bundles present before the install were disturbed (framework refreshes meanwhile: "
                    + watch.frameworkRefreshes() + ")", List.of(), watch.disturbances());
        } finally {
            tracker.close();
        }

        shell.run("feature:uninstall " + FEATURE);
        Await.until(LIB_BUNDLE + " gone after feature:uninstall", WAIT_MILLIS,
                () -> Arrays.stream(bundleContext.getBundles()).noneMatch(b -> LIB_BUNDLE.equals(b.getSymbolicName())));
        assertEquals("only bundles of " + FEATURE + " were removed", before,
                Arrays.stream(bundleContext.getBundles()).map(Bundle::getBundleId).collect(Collectors.toSet()));
    }
}
