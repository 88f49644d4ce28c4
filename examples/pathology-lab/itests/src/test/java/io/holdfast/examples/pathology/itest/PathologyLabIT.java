package io.holdfast.examples.pathology.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.karaf.HoldfastDistribution;
import io.holdfast.testkit.karaf.KarafShell;
import io.holdfast.testkit.karaf.KernelBundleWatch;
import io.holdfast.testkit.karaf.KernelBundles;
import io.holdfast.testkit.karaf.KernelTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.Test;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.osgi.framework.Bundle;

/**
 * The example connector in the production distribution, the way an administrator adds it: the lab in the inventory,
 * its key imported into the vault with {@code holdfast:cred-import}, a route for its results, {@code feature:repo-add}
 * of the example's features repository, {@code feature:install}, a lab configuration; results pushed through the
 * simulated lab are journaled (new, amendment, a bad row rejected with its row number) with the credential that
 * fetched them; {@code feature:uninstall} takes the bundle, its commands and health entry away. No kernel bundle may
 * be stopped, unresolved or refreshed meanwhile. The sandbox feature is refused: this is a production instance.
 */
public class PathologyLabIT extends KernelTestSupport {
    private static final String FEATURE = "holdfast-example-pathology";
    private static final String BUNDLE = "io.holdfast.examples.pathology";
    private static final String SYSTEM = "pathology-it";
    private static final String HEADER = "accession_number,nhs_number,family_name,given_name,birth_date,test_code,test_code_system,"
            + "test_name,value,units,reference_range,abnormal_flag,status,observed_at,reported_at";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Override
    @Configuration
    public Option[] configuration() {
        return OptionUtils.combine(HoldfastDistribution.options(),
                systemProperty("pathology.lab.url").value(OutsideLab.url()),
                systemProperty("pathology.features.url").value(ExampleFeatures.testCopy()));
    }

    @Test
    public void anAdministratorAddsTheLabInstallsTheConnectorSeesResultsAndRemovesIt() throws Exception {
        KarafShell shell = shell();
        String lab = System.getProperty("pathology.lab.url");
        try (KernelBundleWatch watch = KernelBundleWatch.start(bundleContext, KernelBundles.kernel(features, Set.of(BUNDLE)))) {
            inventory.save(new DownstreamSystem(SYSTEM, "Pathology lab (itest)", Optional.empty(), "dev", "HTTP", WireFormat.opaque(),
                    lab + "/", AuthPattern.API_KEY, Optional.empty(), Optional.empty()));
            Path key = Files.writeString(Files.createTempFile("lab", ".key"), OutsideLab.KEY);
            shell.run("holdfast:cred-import --system " + SYSTEM + " --kind API_KEY " + key);
            Files.delete(key);
            org.osgi.service.cm.Configuration route = routeToUnreachableTarget("pathology-it-results", "pathology:it", "pathology-epr",
                    "HTTP", WireFormat.fhirR4(), "https://epr.invalid/");
            publish(lab, "L1,9434765919,SMITH,Jane,1970-01-01,T1,local,Potassium,4.4,mmol/L,3.5-5.3,N,final,2026-12-01T09:30:00Z,",
                    "L1,9434765919,SMITH,Jane,1970-01-01,T1,local,Potassium,5.9,mmol/L,3.5-5.3,H,corrected,2026-12-01T09:30:00Z,",
                    "L2,9434765918,SMITH,Jane,1970-01-01,T1,local,Potassium,4.1,mmol/L,,,final,2026-12-01T09:30:00Z,");

            shell.run("feature:repo-add " + System.getProperty("pathology.features.url"));
            String simulation = shell.simulateInstall(bundleContext, FEATURE);
            assertFalse("feature:install -t -v reports bundles to refresh:\n" + simulation, simulation.contains("to refresh"));
            shell.run("feature:install " + FEATURE);
            org.osgi.service.cm.Configuration config = labConfiguration();

            Await.until("pathology:labs shows lab 'it' at cursor c3", WAIT, () -> output(shell, "pathology:labs").contains("c3"));
            assertEquals(Optional.of(ClaimOutcome.NEW), single("pathology:it:start:r1").claim());
            assertEquals(Optional.of(ClaimOutcome.AMENDMENT), single("pathology:it:start:r2").claim());
            JournalEntry rejected = single("pathology:it:start:r3");
            assertTrue("row 3 rejected with its number: " + rejected.stages(), rejected.stages().stream()
                    .anyMatch(s -> s.stage() == Stage.REJECTED && s.detail().contains("INVALID_NHS_NUMBER") && s.detail().contains("row 3")));
            StageEntry response = single("pathology:it:start:r1").stages().stream().filter(s -> s.stage() == Stage.RESPONSE).findFirst()
                    .orElseThrow();
            assertTrue("credential journaled: " + response, response.credential().orElse("").startsWith(SYSTEM + "@v1"));
            assertTrue(shell.run("pathology:lab-poll it").contains("cursor c3"));

            shell.run("feature:uninstall " + FEATURE);
            Await.until("the connector bundle is gone", WAIT, () -> bundle().isEmpty());
            Await.until("health entry pathology:it is removed", WAIT,
                    () -> health.components().stream().noneMatch(c -> c.component().equals("pathology:it")));
            assertFalse("pathology commands are gone", shell.commands("pathology").contains("labs"));

            assertEquals("kernel bundles disturbed while installing and removing the example (framework refreshes: "
                    + watch.frameworkRefreshes() + ")", List.of(), watch.disturbances());
            config.delete();
            route.delete();
        }
    }

    @Test
    public void theSandboxFeatureIsRefusedOnAProductionInstance() throws Exception {
        KarafShell shell = shell();
        shell.run("feature:repo-add " + System.getProperty("pathology.features.url"));
        try {
            shell.run("feature:install " + FEATURE + "-sandbox");
            throw new AssertionError("holdfast-example-pathology-sandbox was installed on a production instance");
        } catch (Exception e) {
            assertTrue("refused for the missing sandbox capability: " + e.getMessage(), String.valueOf(e.getMessage()).contains("holdfast.mode"));
        }
        assertTrue("no simulator bundle", List.of(bundleContext.getBundles()).stream()
                .noneMatch(b -> "io.holdfast.examples.pathology.simulator".equals(b.getSymbolicName())));
    }

    private org.osgi.service.cm.Configuration labConfiguration() throws Exception {
        org.osgi.service.cm.Configuration c = configurationAdmin.getFactoryConfiguration("io.holdfast.examples.pathology.lab", "it", "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("system", SYSTEM);
        props.put("pollInterval", "PT1S");
        c.update(props);
        return c;
    }

    private static void publish(String lab, String... rows) throws Exception {
        String body = HEADER + "\r\n" + String.join("\r\n", rows) + "\r\n";
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(lab + "/admin/results"))
                .header("apikey", OutsideLab.KEY).POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(r.body(), 200, r.statusCode());
    }

    private JournalEntry single(String messageId) {
        List<JournalEntry> entries = journal.byMessageId(messageId);
        assertEquals("journal entries of " + messageId, 1, entries.size());
        return entries.get(0);
    }

    private Optional<Bundle> bundle() {
        return List.of(bundleContext.getBundles()).stream().filter(b -> BUNDLE.equals(b.getSymbolicName())).findFirst();
    }

    private static String output(KarafShell shell, String command) {
        try {
            return shell.run(command);
        } catch (Exception e) {
            return "";
        }
    }
}
