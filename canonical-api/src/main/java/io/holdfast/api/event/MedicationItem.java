package io.holdfast.api.event;

import java.util.Optional;

/** One line item of a prescription or dispense: dm+d code, quantity and dosage instructions. */
@org.osgi.annotation.versioning.ProviderType
public record MedicationItem(String lineItemId, String dmdCode, String display, String quantity,
                             Optional<String> dosage, Optional<String> status) {
    public MedicationItem {
        dosage = dosage == null ? Optional.empty() : dosage;
        status = status == null ? Optional.empty() : status;
    }
}
