package io.holdfast.api.event;

import java.util.Objects;
import java.util.Optional;

/**
 * The medication of a pharmacy {@link Order} (HL7 v2 RXE of an RDE^O11, RXO of an ORM^O01).
 *
 * @param code             the product code as sent, e.g. a dm+d concept id
 * @param codeSystem       the code's system as sent (e.g. {@code DMD}); empty if not stated
 * @param display          the product name as sent
 * @param dose             amount per administration, e.g. {@code 500}
 * @param doseUnit         unit of {@code dose}, e.g. {@code mg}
 * @param doseForm         e.g. {@code TAB}
 * @param route            e.g. {@code PO}, {@code IV}
 * @param frequency        the repeat pattern as sent, e.g. {@code TDS}, {@code Q8H}
 * @param dispenseQuantity amount to supply, e.g. {@code 21}
 * @param dispenseUnit     unit of {@code dispenseQuantity}
 * @param instructions     administration instructions as free text
 */
@org.osgi.annotation.versioning.ProviderType
public record OrderedMedication(String code, String codeSystem, String display, Optional<String> dose,
                                Optional<String> doseUnit, Optional<String> doseForm, Optional<String> route,
                                Optional<String> frequency, Optional<String> dispenseQuantity,
                                Optional<String> dispenseUnit, Optional<String> instructions) {
    public OrderedMedication {
        Objects.requireNonNull(code, "code");
        codeSystem = codeSystem == null ? "" : codeSystem;
        display = display == null ? "" : display;
        dose = orEmpty(dose);
        doseUnit = orEmpty(doseUnit);
        doseForm = orEmpty(doseForm);
        route = orEmpty(route);
        frequency = orEmpty(frequency);
        dispenseQuantity = orEmpty(dispenseQuantity);
        dispenseUnit = orEmpty(dispenseUnit);
        instructions = orEmpty(instructions);
    }

    private static Optional<String> orEmpty(Optional<String> v) {
        return v == null ? Optional.empty() : v;
    }
}
