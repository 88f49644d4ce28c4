package io.holdfast.benchmarks.kernel;

import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.Router;
import io.holdfast.keys.api.MasterKeys;
import io.holdfast.keys.internal.KeystoreMasterKeys;
import io.holdfast.testkit.KernelCounters;
import io.holdfast.testkit.TestKernel;
import io.holdfast.testkit.TestKernelBuilder;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The real kernel as the benchmarks measure it: the testkit's {@link TestKernel} (components wired as
 * in Karaf) with the real PKCS#12 master keystore instead of test keys and the shipped journal
 * settings (maxBatch 256, queue 10000, 32 MiB payload segments, disk guard on), on embedded Derby
 * under {@code <dir>/holdfast}, as a distribution keeps it under {@code data/holdfast}.
 */
public final class HoldfastKernel implements AutoCloseable {
    private final KeystoreMasterKeys keys;
    private final TestKernel kernel;

    private HoldfastKernel(KeystoreMasterKeys keys, TestKernel kernel) {
        this.keys = keys;
        this.kernel = kernel;
    }

    /**
     * The inbound write path alone: Intake with a router sending every event to one target, {@code epr},
     * so ROUTED is journaled, but no outbox (the rows {@link PlainJdbcBaseline} writes too).
     */
    public static HoldfastKernel inbound(Path dir) {
        Router everythingToEpr = (env, event) -> List.of(new Router.Target("adt-to-epr", "epr", true));
        return start(dir, b -> b.fixedRouter(everythingToEpr));
    }

    /** The kernel with routing: {@code configure} adds the routes, systems, codec, transport and dispatcher settings. */
    public static HoldfastKernel start(Path dir, UnaryOperator<TestKernelBuilder> configure) {
        Path data = dir.resolve("holdfast");
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        KeystoreMasterKeys keys = KeystoreMasterKeys.open(data.resolve("keys/master.p12"),
                HexFormat.of().formatHex(secret).toCharArray(), true, data);
        try {
            return new HoldfastKernel(keys, configure.apply(TestKernel.builder(data).keys(keys).shippedJournalSettings()).start());
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
    }

    public Intake intake() {
        return kernel.intake();
    }

    public MasterKeys keys() {
        return keys;
    }

    public KernelCounters counters() {
        return kernel.counters();
    }

    public TestKernel kernel() {
        return kernel;
    }

    @Override
    public void close() {
        kernel.close();
        keys.close();
    }
}
