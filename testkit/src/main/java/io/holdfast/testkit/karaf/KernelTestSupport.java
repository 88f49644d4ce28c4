package io.holdfast.testkit.karaf;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.testkit.fixture.Await;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Base of pax-exam tests against the Holdfast distribution: one distribution per test class (boots
 * are slow). Tests run once the boot has finished, with what nearly every test needs injected.
 * Override {@link #configuration()} to add options (e.g. {@code features(...)} of a vendor feature
 * repository), combining them with {@link HoldfastDistribution#options()}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public abstract class KernelTestSupport {

    /** Registered once the boot features (holdfast-kernel among them) are installed and started. */
    @Inject
    protected BootFinished bootFinished;

    @Inject
    protected BundleContext bundleContext;

    @Inject
    protected FeaturesService features;

    @Inject
    protected SessionFactory sessionFactory;

    @Inject
    protected Health health;

    /** Kernel services tests use; they come with holdfast-kernel, so the wait is only for a slow boot. */
    protected static final long SERVICE_WAIT_MILLIS = 120_000;

    @Inject
    @Filter(timeout = SERVICE_WAIT_MILLIS)
    protected Journal journal;

    @Inject
    @Filter(timeout = SERVICE_WAIT_MILLIS)
    protected Inventory inventory;

    @Inject
    @Filter(timeout = SERVICE_WAIT_MILLIS)
    protected ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        return HoldfastDistribution.options();
    }

    /** A shell for command lines as an admin of group holdfast-admins. */
    protected KarafShell shell() {
        return new KarafShell(sessionFactory);
    }

    /**
     * ACK means routed: production Intake refuses (require-route) an event that no route matches. A test whose
     * subject is not delivery routes its source's events to target {@code target}, saved here with an endpoint
     * that is never up, so rows simply wait and retry. Returns once {@code holdfast:routes} lists the route;
     * the caller deletes the returned configuration and removes the target afterwards.
     */
    protected org.osgi.service.cm.Configuration routeToUnreachableTarget(String route, String sources, String target,
            String transport, WireFormat format, String endpoint) throws Exception {
        inventory.save(new DownstreamSystem(target, "test target (never up)", Optional.empty(), "dev", transport, format,
                endpoint, AuthPattern.NONE, Optional.empty(), Optional.empty()));
        org.osgi.service.cm.Configuration c = configurationAdmin.getFactoryConfiguration("io.holdfast.route", route, "?");
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("sources", sources);
        props.put("targets", target);
        c.update(props);
        KarafShell shell = shell();
        Await.until("route " + route + " in holdfast:routes", Duration.ofSeconds(30), () -> {
            try {
                return shell.run("holdfast:routes").contains(route);
            } catch (Exception e) {
                return false;
            }
        });
        return c;
    }
}
