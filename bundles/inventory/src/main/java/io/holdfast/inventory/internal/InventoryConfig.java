package io.holdfast.inventory.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the inventory (PID {@value #PID}). */
@ObjectClassDefinition(name = "Holdfast inventory",
        description = "Which environments, transports and wire formats inventory entries may name")
public @interface InventoryConfig {
    String PID = "io.holdfast.inventory";

    @AttributeDefinition(description = "Environments a downstream system (and a credential vault) may belong to; "
            + "lowercase letters, digits and '-', up to 16 characters each")
    String[] environments() default {"dev", "test", "int", "live"};

    @AttributeDefinition(required = false,
            description = "Transports beyond the built-in HTTP, MLLP, MESH, SFTP, DB and SPINE_EBXML, e.g. a vendor's own")
    String[] extraTransports() default {};

    @AttributeDefinition(required = false,
            description = "Wire format families beyond the built-in HL7V2, FHIR, HL7V3_EBXML, ESR_FILE and OPAQUE")
    String[] extraFormats() default {};
}
