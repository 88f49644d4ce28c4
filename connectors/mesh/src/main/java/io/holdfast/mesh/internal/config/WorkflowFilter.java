package io.holdfast.mesh.internal.config;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The workflow ids a mailbox collects. {@code *} accepts every workflow; an empty list accepts
 * none, so a mailbox configured without a decision leaves everything in the inbox rather than
 * taking in files nobody routes.
 */
public record WorkflowFilter(boolean all, Set<String> ids) {
    public static final String ANY = "*";
    public static final WorkflowFilter ALL = new WorkflowFilter(true, Set.of());
    public static final WorkflowFilter NONE = new WorkflowFilter(false, Set.of());

    public WorkflowFilter {
        ids = Set.copyOf(ids);
    }

    public static WorkflowFilter of(String... configured) {
        Set<String> ids = Arrays.stream(configured == null ? new String[0] : configured).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        return ids.contains(ANY) ? ALL : new WorkflowFilter(false, ids);
    }

    public boolean accepts(String workflowId) {
        return all || ids.contains(workflowId);
    }

    public boolean acceptsNothing() {
        return !all && ids.isEmpty();
    }

    public String describe() {
        return all ? "every workflow (*)" : ids.isEmpty() ? "no workflow (workflowIds is empty)" : String.join(", ", ids.stream().sorted().toList());
    }
}
