package io.holdfast.itest.dist;

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
}
