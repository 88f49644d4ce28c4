package io.holdfast.examples.pathology.internal.command;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.examples.pathology.internal.config.LabView;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Finding labs by name, shared by the commands and the completer. */
final class LabCommands {
    private LabCommands() {
    }

    /** Running labs by name; a lab whose activation failed is registered without a service object (null). */
    static List<LabView> running(List<LabView> labs) {
        return labs == null ? List.of() : labs.stream().filter(Objects::nonNull).sorted(Comparator.comparing(l -> l.settings().name())).toList();
    }

    static LabView require(List<LabView> labs, String name) {
        List<LabView> all = running(labs);
        return all.stream().filter(l -> l.settings().name().equals(name)).findFirst().orElseThrow(() -> new HoldfastException(
                ErrorCode.INVALID_CONFIGURATION, "no running pathology lab '" + name + "'; running: "
                + (all.isEmpty() ? "none" : all.stream().map(l -> l.settings().name()).toList())
                + "; a lab whose configuration was refused is shown DOWN by holdfast:status"));
    }
}
