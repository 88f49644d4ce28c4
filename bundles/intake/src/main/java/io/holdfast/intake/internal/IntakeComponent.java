package io.holdfast.intake.internal;

import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.idempotency.api.Claims;
import io.holdfast.intake.spi.IntakeParticipant;
import io.holdfast.journal.api.JournalWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The {@link Intake} service. Router and participants are dynamic: installing or removing the
 * routing bundle never restarts Intake (and so never the connectors that use it).
 */
@Component(service = Intake.class, immediate = true)
public class IntakeComponent implements Intake {

    @Reference
    JournalWriter writer;

    @Reference
    Claims claims;

    @Reference
    Health health;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Router router;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    final List<IntakeParticipant> participants = new CopyOnWriteArrayList<>();

    private IntakeCore core;

    @Activate
    void activate() {
        core = new IntakeCore(writer, claims, () -> Optional.ofNullable(router), () -> List.copyOf(participants));
        health.report("intake", HealthState.UP, "accepting");
    }

    @Deactivate
    void deactivate() {
        core.close();
        health.report("intake", HealthState.DOWN, "stopped");
    }

    @Override
    public CompletionStage<IntakeReceipt> accept(Envelope envelope, Payload payload, DecodeResult decoded, FieldTrail trail) {
        return core.accept(envelope, payload, decoded, trail);
    }
}
