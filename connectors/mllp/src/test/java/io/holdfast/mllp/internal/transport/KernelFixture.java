package io.holdfast.mllp.internal.transport;

import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.WireFormat;
import io.holdfast.testkit.TestKernel;
import io.holdfast.testkit.TestRoute;
import java.nio.file.Path;

/**
 * The kernel the MLLP component tests run against: the testkit's real kernel (Derby in the test's
 * folder, journal, idempotency, Intake requiring a route, routing), with one route that sends every
 * message, mapped or not, to the inventory system {@code epr}. No dispatcher: what Intake scheduled
 * stays in the outbox, which is all a listener test needs. The depth limit is the highest a route
 * allows, so load tests are not refused for back-pressure by an outbox nobody drains.
 */
public final class KernelFixture {
    private KernelFixture() {
    }

    public static TestKernel start(Path dir) {
        return TestKernel.builder(dir)
                .system("epr", Transports.MLLP, WireFormat.hl7v2("2.4"))
                .route(TestRoute.named("adt-to-epr").to("epr").passthrough(true).outboxDepthLimit(10_000_000))
                .noDispatcher()
                .start();
    }
}
