package io.holdfast.routing.internal.dispatch;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The outbox dispatcher: {@code io.holdfast.dispatcher.cfg}. */
@ObjectClassDefinition(name = "Holdfast dispatcher", description = "Delivers outbox rows to downstream systems.")
public @interface DispatcherConfig {
    String PID = "io.holdfast.dispatcher";

    @AttributeDefinition(description = "Deliveries in parallel (1-256)")
    int threads() default 4;

    @AttributeDefinition(description = "Longest wait in milliseconds between looks for due rows when Intake signals nothing (5-60000)")
    long pollIntervalMs() default 200;

    @AttributeDefinition(description = "Lease in milliseconds on a claimed row (1000-3600000); renewed every third of it while "
            + "the delivery runs, so a slow transport keeps its row; a row whose dispatcher died is retried 1.5 leases later")
    long leaseMs() default 120_000;

    @AttributeDefinition(description = "Rows claimed at once and most rows in flight (1-10000)")
    int batchSize() default 200;

    @AttributeDefinition(description = "Delay in milliseconds before a row that waits for a missing codec, transport, "
            + "credential or inventory entry is looked at again (10-3600000)")
    long waitRetryMs() default 5000;

    @AttributeDefinition(description = "This node's lease owner name; empty means the karaf.name system property")
    String nodeId() default "";
}
