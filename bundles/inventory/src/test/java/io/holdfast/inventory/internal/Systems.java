package io.holdfast.inventory.internal;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import java.util.Optional;

/** Valid sample entries for tests. */
final class Systems {
    private Systems() {
    }

    static DownstreamSystem pds() {
        return new DownstreamSystem("pds-int", "PDS FHIR (integration)", Optional.of("X26"), "int", "HTTP",
                WireFormat.fhirR4(), "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4",
                AuthPattern.OAUTH2_SIGNED_JWT, Optional.of("pds-int"), Optional.of("Integration team <integration@example.nhs.uk>"));
    }

    static DownstreamSystem epr() {
        return new DownstreamSystem("epr-main", "Main EPR ADT feed", Optional.of("RX1"), "live", "MLLP",
                WireFormat.hl7v2("2.4"), "mllp://epr.example.nhs.uk:2575", AuthPattern.NONE, Optional.empty(),
                Optional.empty());
    }

    static DownstreamSystem spine() {
        return new DownstreamSystem("spine-int", "Spine MHS", Optional.empty(), "int", "SPINE_EBXML",
                new WireFormat("HL7V3_EBXML", ""), "https://msg.intspineservices.nhs.uk/reliablemessaging/reliablerequest",
                AuthPattern.TLS_MUTUAL, Optional.empty(), Optional.empty());
    }
}
