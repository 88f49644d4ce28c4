package io.holdfast.fhir.internal;

import java.util.List;
import java.util.function.Function;

/**
 * FHIRPath source paths for field records. An element of a repeating list is addressed by its
 * discriminator where that is unique in the list ({@code Patient.name.where(use='official')}), which
 * stays true when a sender reorders the list; by position otherwise ({@code Patient.name[1]}).
 */
final class FhirPaths {
    private FhirPaths() {
    }

    /**
     * @param list          the path of the list, e.g. {@code Patient.name}
     * @param items         the list
     * @param index         the item's position
     * @param discriminator element name of the discriminator, e.g. {@code use} or {@code system}
     * @param valueOf       the item's discriminator value (empty if it has none)
     */
    static <T> String item(String list, List<T> items, int index, String discriminator, Function<T, String> valueOf) {
        String value = valueOf.apply(items.get(index));
        if (value != null && !value.isEmpty() && value.indexOf('\'') < 0) {
            long same = items.stream().map(valueOf).filter(value::equals).count();
            if (same == 1) {
                return list + ".where(" + discriminator + "='" + value + "')";
            }
        }
        return list + "[" + index + "]";
    }
}
