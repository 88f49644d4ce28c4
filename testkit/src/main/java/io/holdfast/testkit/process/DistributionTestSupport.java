package io.holdfast.testkit.process;

import java.io.IOException;
import org.junit.AfterClass;
import org.junit.Rule;
import org.junit.rules.TestWatcher;
import org.junit.runner.Description;

/**
 * Base of the {@code *DistIT} tests: one unpacked distribution per test class (boots cost 15-40 s), killed
 * in any case after the class. Its directory is deleted when every test passed, and kept (path printed)
 * when one failed or with {@code -Dholdfast.itest.keep=true}.
 */
public abstract class DistributionTestSupport {
    protected static HoldfastProcess holdfast;
    private static boolean failed;

    /** What a class's {@code @BeforeClass} does; a failure there keeps the distribution too. */
    protected interface Setup {
        void run() throws Exception;
    }

    protected static void setUpDistribution(Setup setup) throws Exception {
        try {
            setup.run();
        } catch (Exception | Error e) {
            failed = true;
            throw e;
        }
    }

    @Rule
    public final TestWatcher failureWatch = new TestWatcher() {
        @Override
        protected void failed(Throwable e, Description description) {
            failed = true;
        }
    };

    @AfterClass
    public static void stopDistribution() throws IOException {
        if (holdfast == null) {
            return;
        }
        holdfast.close();
        if (failed || Boolean.getBoolean("holdfast.itest.keep")) {
            System.err.println("Distribution kept for a post-mortem: " + holdfast.home() + " " + holdfast.logs());
        } else {
            holdfast.delete();
        }
        holdfast = null;
        failed = false;
    }

    /**
     * ACK means routed: production Intake refuses an event no route matches. A test whose subject is not
     * delivery routes {@code sources}' events to an HTTP target that is never up (rows just wait and retry):
     * call before {@code start()}; {@link #addUnreachableTarget} adds the target once the kernel runs.
     */
    protected static void routeToUnreachableTarget(String route, String sources, String target) throws java.io.IOException {
        holdfast.writeConfig("io.holdfast.route-" + route + ".cfg", java.util.Map.of("sources", sources, "targets", target));
    }

    protected static void addUnreachableTarget(String target) {
        holdfast.shell("holdfast:system-add --name \"never up\" --env dev --transport HTTP --format OPAQUE"
                + " --endpoint http://127.0.0.1:9/" + target + " --auth NONE " + target);
    }
}
