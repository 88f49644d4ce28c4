package io.holdfast.fhirendpoint.internal.inbound;

import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * The real Intake, whose completion the test holds back until it opens the gate: shows that the
 * endpoint answers only once Intake completes. Keeps the envelopes it was given.
 */
final class GatedIntake implements Intake {
    private final Intake real;
    private final CountDownLatch gate;
    final CountDownLatch accepted = new CountDownLatch(1);
    final List<Envelope> envelopes = new CopyOnWriteArrayList<>();

    GatedIntake(Intake real, CountDownLatch gate) {
        this.real = real;
        this.gate = gate;
    }

    @Override
    public CompletionStage<IntakeReceipt> accept(Envelope envelope, Payload payload, DecodeResult decoded, FieldTrail trail) {
        envelopes.add(envelope);
        CompletableFuture<IntakeReceipt> held = new CompletableFuture<>();
        // async: never block the kernel's single writer thread on the gate
        real.accept(envelope, payload, decoded, trail).whenCompleteAsync((receipt, failure) -> {
            accepted.countDown();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                held.completeExceptionally(failure);
            } else {
                held.complete(receipt);
            }
        });
        return held;
    }

    @Override
    public CompletionStage<IntakeReceipt> recordExchange(Envelope envelope, Payload payload, String systemId,
                                                         java.util.Optional<io.holdfast.api.spi.CredentialIdentity> identity,
                                                         String detail) {
        return real.recordExchange(envelope, payload, systemId, identity, detail);
    }
}
