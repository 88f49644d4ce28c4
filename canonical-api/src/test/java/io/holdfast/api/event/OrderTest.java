package io.holdfast.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderTest {
    private static final Patient PATIENT = Patient.identifiedBy(Identifier.of(NhsNumber.parse("9449305552")));
    private static final Identifier PLACER = Identifier.local("ICE", "ICE0001234");
    private static final Identifier FILLER = Identifier.local("WINPATH", "LAB26-000777");

    private static Order order(Optional<Identifier> placer, Optional<Identifier> filler, OrderStatus status, Instant at) {
        return new Order(PATIENT, placer, filler, OrderCategory.LABORATORY, status, "FBC", "WINPATH", "Full blood count",
                Optional.empty(), Optional.of("R"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(at));
    }

    @Test
    void keyIsThePlacerOrderNumberInThePlacersNamespace() {
        EventKey key = order(Optional.of(PLACER), Optional.of(FILLER), OrderStatus.ACCEPTED, Instant.EPOCH).key();
        assertThat(key).isEqualTo(new EventKey("Order", "urn:holdfast:local:ICE", "ICE0001234"));
    }

    @Test
    void anOrderOnlyTheFillerNumberedIsKeyedByTheFillerOrderNumber() {
        EventKey key = order(Optional.empty(), Optional.of(FILLER), OrderStatus.REQUESTED, Instant.EPOCH).key();
        assertThat(key).isEqualTo(new EventKey("Order", "urn:holdfast:local:WINPATH", "LAB26-000777"));
    }

    @Test
    void theFillersNumberArrivingLaterKeepsTheKeyAndAStatusChangeChangesTheDigest() {
        Order placed = order(Optional.of(PLACER), Optional.empty(), OrderStatus.REQUESTED, Instant.EPOCH);
        Order accepted = order(Optional.of(PLACER), Optional.of(FILLER), OrderStatus.ACCEPTED, Instant.EPOCH.plusSeconds(60));
        Order cancelled = order(Optional.of(PLACER), Optional.of(FILLER), OrderStatus.CANCELLED, Instant.EPOCH.plusSeconds(90));
        assertThat(accepted.key()).isEqualTo(placed.key()).isEqualTo(cancelled.key());
        assertThat(accepted.digest()).isNotEqualTo(cancelled.digest());
        Order resent = order(Optional.of(PLACER), Optional.of(FILLER), OrderStatus.CANCELLED, Instant.EPOCH.plusSeconds(999));
        assertThat(resent.digest()).as("occurredAt is excluded").isEqualTo(cancelled.digest());
    }

    @Test
    void anOrderWithoutAnyOrderNumberIsInvalid() {
        assertThatThrownBy(() -> order(Optional.empty(), Optional.empty(), OrderStatus.REQUESTED, Instant.EPOCH))
                .isInstanceOf(HoldfastException.class)
                .satisfies(e -> assertThat(((HoldfastException) e).errorCode()).isEqualTo(ErrorCode.INVALID_EVENT));
    }
}
