package io.holdfast.simulator.eps;

/**
 * A prescription's state, as {@code https://fhir.nhs.uk/CodeSystem/EPS-task-business-status} codes it (the Task
 * tracker's {@code business-status} parameter; the dispense examples' Extension-EPS-TaskBusinessStatus).
 */
enum BusinessStatus {
    TO_BE_DISPENSED("0001", "To be Dispensed"),
    WITH_DISPENSER("0002", "With Dispenser"),
    WITH_DISPENSER_ACTIVE("0003", "With Dispenser - Active"),
    EXPIRED("0004", "Expired"),
    CANCELLED("0005", "Cancelled"),
    DISPENSED("0006", "Dispensed"),
    NOT_DISPENSED("0007", "Not Dispensed"),
    CLAIMED("0008", "Claimed");

    static final String SYSTEM = "https://fhir.nhs.uk/CodeSystem/EPS-task-business-status";
    private final String code;
    private final String display;

    BusinessStatus(String code, String display) {
        this.code = code;
        this.display = display;
    }

    String code() {
        return code;
    }

    String display() {
        return display;
    }

    boolean withDispenser() {
        return this == WITH_DISPENSER || this == WITH_DISPENSER_ACTIVE;
    }

    static BusinessStatus ofCode(String code) {
        for (BusinessStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw EpsError.invalidValue("Unknown EPS-task-business-status code '" + code + "'");
    }
}
