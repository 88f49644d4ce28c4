package io.holdfast.mllp.internal.transport;

import io.holdfast.mllp.internal.config.ListenerSettings;
import io.holdfast.testkit.TestKernel;
import java.nio.file.Files;
import java.nio.file.Path;

/** Child JVM of {@link MllpCrashTest}: the real kernel on {@code args[0]} and a listener; writes its port to {@code args[1]}. */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        TestKernel kernel = KernelFixture.start(Path.of(args[0]));
        MllpListener listener = new MllpListener(ListenerSettings.loopback("crash", 0), kernel.intake());
        listener.start();
        Path tmp = Path.of(args[1] + ".tmp");
        Files.writeString(tmp, Integer.toString(listener.boundPort()));
        Files.move(tmp, Path.of(args[1]));
        Thread.currentThread().join();
    }
}
