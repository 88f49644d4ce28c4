package io.holdfast.simulator.mesh;

import java.util.Objects;
import java.util.Set;

/**
 * A mailbox the simulator knows: id, password, and the workflow ids it is registered for (empty
 * means every workflow).
 */
public record SimulatedMailbox(String id, String password, Set<String> workflows) {
    public SimulatedMailbox {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(password, "password");
        workflows = workflows == null ? Set.of() : Set.copyOf(workflows);
    }

    public boolean registeredFor(String workflowId) {
        return workflows.isEmpty() || workflows.contains(workflowId);
    }
}
