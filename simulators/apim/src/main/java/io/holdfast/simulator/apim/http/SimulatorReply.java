package io.holdfast.simulator.apim.http;

import java.time.Duration;
import java.util.Objects;

/** What the server does with a request: send a response (after an optional delay) or reset the connection. */
public sealed interface SimulatorReply permits SimulatorReply.Send, SimulatorReply.Reset {

    static SimulatorReply send(SimulatorResponse response) {
        return new Send(response, Duration.ZERO);
    }

    /** Send {@code response} once {@code delay} has passed, without holding a server thread meanwhile. */
    record Send(SimulatorResponse response, Duration delay) implements SimulatorReply {
        public Send {
            Objects.requireNonNull(response);
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
        }
    }

    /** Close the connection with a TCP reset and no response (a dropped connection, for clients' retry paths). */
    record Reset() implements SimulatorReply {
    }
}
