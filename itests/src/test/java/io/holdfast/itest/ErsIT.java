package io.holdfast.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.holdfast.api.event.Referral;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.Codec;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.karaf.KarafShell;
import io.holdfast.testkit.karaf.KernelBundleWatch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Filter;
import org.osgi.util.tracker.ServiceTracker;

/**
 * {@code feature:install holdfast-ers} alone into the running distribution (it brings holdfast-lib-fhir and
 * holdfast-lib-fhir-stu3): the connector bundle is ACTIVE, its ErsService, ERS transport and ERS codec are registered,
 * the two commands are there, STU3 works in the container (the ERS codec reads an e-RS ReferralRequest, so HAPI's
 * {@code FhirContext.forDstu3()} found structures-dstu3 8.8.0 on the one hapi-fhir-base), exactly one hapi-fhir-base is
 * installed, and no bundle that was there before is refreshed, stopped or re-resolved; {@code feature:uninstall}
 * removes only what the install added and disturbs nothing either. The e-RS service type is looked up by name: nothing
 * outside the connector compiles against it (build-rules).
 */
public class ErsIT extends KernelTestSupport {
    private static final String FEATURE = "holdfast-ers";
    private static final String BUNDLE = "io.holdfast.ers";
    private static final String SERVICE = "io.holdfast.ers.ErsService";
    private static final long WAIT_MILLIS = 90_000;
    private static final String REFERRAL = "{\"resourceType\":\"ReferralRequest\",\"id\":\"000000070000\",\"meta\":{\"versionId\":\"9\"},"
            + "\"status\":\"active\",\"intent\":\"plan\",\"subject\":{\"identifier\":{\"system\":\"http://fhir.nhs.net/Id/nhs-number\","
            + "\"value\":\"9000000009\"}},\"specialty\":{\"coding\":[{\"code\":\"CARDIOLOGY\"}]},\"extension\":[{\"url\":"
            + "\"https://fhir.nhs.uk/STU3/StructureDefinition/Extension-eRS-ReferralPriority-1\",\"valueCodeableConcept\":{\"coding\":[{"
            + "\"system\":\"https://fhir.nhs.uk/STU3/CodeSystem/eRS-Priority-1\",\"code\":\"ROUTINE\"}]}}]}";

    /** By reference only: taking the ErsService would wire the probe to io.holdfast.ers, and the uninstall would refresh it. */
    private boolean registered(String filter) {
        try {
            return bundleContext.getAllServiceReferences(null, filter) != null;
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private long bundles(String symbolicName) {
        return Arrays.stream(bundleContext.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).count();
    }

    @Test
    public void hotInstallRegistersTheConnectorReadsStu3AndRefreshesNothingElse() throws Exception {
        KarafShell shell = shell();
        assertFalse("precondition: " + FEATURE + " is not installed", features.isInstalled(features.getFeature(FEATURE)));
        Set<Long> before = Arrays.stream(bundleContext.getBundles()).map(Bundle::getBundleId).collect(Collectors.toSet());

        String simulation = shell.simulateInstall(bundleContext, FEATURE);
        assertTrue("the simulation installs the connector and STU3:\n" + simulation, simulation.contains("holdfast-ers")
                && simulation.contains("hapi-fhir-structures-dstu3"));
        assertFalse("feature:install -t -v reports bundles to refresh:\n" + simulation, simulation.contains("to refresh"));

        Filter ersCodec = bundleContext.createFilter("(&(objectClass=" + Codec.class.getName() + ")(holdfast.format=ERS))");
        ServiceTracker<Codec<?>, Codec<?>> tracker = new ServiceTracker<>(bundleContext, ersCodec, null);
        tracker.open();
        try (KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, b -> before.contains(b.getBundleId()))) {
            shell.run("feature:install " + FEATURE);
            Await.until("ErsService registered", WAIT_MILLIS, () -> registered("(objectClass=" + SERVICE + ")"));
            Await.until("the ERS transport registered", WAIT_MILLIS,
                    () -> registered("(&(objectClass=io.holdfast.api.spi.OutboundTransport)(holdfast.transport=ERS))"));
            Optional<Bundle> connector = Arrays.stream(bundleContext.getBundles()).filter(b -> BUNDLE.equals(b.getSymbolicName())).findFirst();
            assertTrue(BUNDLE + " installed", connector.isPresent());
            assertEquals(BUNDLE + " ACTIVE", Bundle.ACTIVE, connector.get().getState());
            assertEquals("one hapi-fhir-base, shared by R4 and STU3", 1, bundles("ca.uhn.hapi.fhir.hapi-fhir-base"));
            Set<String> verbs = Set.of("holdfast:ers-referral", "holdfast:ers-worklist");
            Set<String> registeredVerbs = shell.awaitCommands("holdfast", verbs, WAIT_MILLIS);
            assertTrue("the e-RS commands are registered: " + registeredVerbs, registeredVerbs.containsAll(verbs));

            @SuppressWarnings("unchecked")
            Codec<byte[]> codec = (Codec<byte[]>) tracker.waitForService(WAIT_MILLIS);
            assertNotNull("the ERS Codec service (holdfast.format=ERS) did not appear", codec);
            DecodeResult result = codec.decode(REFERRAL.getBytes(StandardCharsets.UTF_8),
                    Envelope.of("ers-it-1", "itest", "ers:itest", new WireFormat("ERS", "STU3")), FieldTrail.empty());
            assertTrue("decoded in the container: " + result, result instanceof DecodeResult.Decoded);
            Referral referral = (Referral) ((DecodeResult.Decoded) result).events().get(0);
            assertEquals("000000070000", referral.ubrn());
            assertEquals(Optional.of("ROUTINE"), referral.priority());

            assertEquals("bundles present before the install were disturbed (framework refreshes meanwhile: "
                    + watch.frameworkRefreshes() + ")", List.of(), watch.disturbances());
        } finally {
            tracker.close();
        }

        try (KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, b -> before.contains(b.getBundleId()))) {
            shell.run("feature:uninstall " + FEATURE);
            Await.until(BUNDLE + " gone after feature:uninstall", WAIT_MILLIS,
                    () -> Arrays.stream(bundleContext.getBundles()).noneMatch(b -> BUNDLE.equals(b.getSymbolicName())));
            Await.until("only bundles of " + FEATURE + " (and the FHIR libraries it brought) removed", WAIT_MILLIS,
                    () -> before.equals(Arrays.stream(bundleContext.getBundles()).map(Bundle::getBundleId).collect(Collectors.toSet())));
            assertEquals("bundles present before the install were disturbed by the uninstall", List.of(), watch.disturbances());
        }
    }
}
