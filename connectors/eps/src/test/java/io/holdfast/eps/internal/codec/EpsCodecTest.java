package io.holdfast.eps.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.DispenseNotification;
import io.holdfast.api.event.OrderStatus;
import io.holdfast.api.event.Prescription;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.eps.PrescriptionIds;
import io.holdfast.eps.internal.Samples;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EpsCodecTest {
    private final EpsCodec codec = new EpsCodec(() -> Optional.of(Samples.ODS));
    private final Envelope env = Envelope.of("m1", "epr", "test", EpsCodec.FORMAT);

    @Test
    void theSameEventEncodesToIdenticalBytesSoARetryIsByteIdentical() {
        Prescription p = Samples.prescription("same", "100 tablet");
        byte[] first = codec.encode(p, EpsCodec.FORMAT, new FieldTrail());
        assertThat(codec.encode(Samples.prescription("same", "100 tablet"), EpsCodec.FORMAT, new FieldTrail())).isEqualTo(first);
        byte[] amended = codec.encode(Samples.prescription("same", "50 tablet"), EpsCodec.FORMAT, new FieldTrail());
        assertThat(bundleId(amended)).isNotEqualTo(bundleId(first));
    }

    @Test
    void aPrescriptionIsAPrescriptionOrderMessageAsPublishedAndReadsBack() throws Exception {
        Prescription p = Samples.prescription("order", "100 tablet");
        FieldTrail trail = new FieldTrail();
        JsonNode bundle = Json.MAPPER.readTree(codec.encode(p, EpsCodec.FORMAT, trail));
        assertThat(bundle.path("type").asText()).isEqualTo("message");
        assertThat(EpsBundleReader.eventCode(bundle)).isEqualTo("prescription-order");
        JsonNode mr = resource(bundle, "MedicationRequest");
        assertThat(mr.path("groupIdentifier").path("system").asText()).isEqualTo("https://fhir.nhs.uk/Id/prescription-order-number");
        assertThat(mr.path("groupIdentifier").path("value").asText()).isEqualTo(p.prescriptionId().value());
        assertThat(mr.path("dispenseRequest").path("quantity").path("value").asInt()).isEqualTo(100);
        assertThat(trail.mappings()).isNotEmpty();
        DecodeResult back = codec.decode(codec.encode(p, EpsCodec.FORMAT, new FieldTrail()), env, new FieldTrail());
        assertThat(((DecodeResult.Decoded) back).events()).containsExactly(p);
    }

    @Test
    void aCancelledPrescriptionIsAnOrderUpdateWithAStatusReason() throws Exception {
        Prescription c = Samples.cancelled(Samples.prescription("cancel", "100 tablet"));
        JsonNode bundle = Json.MAPPER.readTree(codec.encode(c, EpsCodec.FORMAT, new FieldTrail()));
        assertThat(EpsBundleReader.eventCode(bundle)).isEqualTo("prescription-order-update");
        JsonNode mr = resource(bundle, "MedicationRequest");
        assertThat(mr.path("status").asText()).isEqualTo("cancelled");
        assertThat(mr.path("statusReason").path("coding").path(0).path("system").asText())
                .isEqualTo("https://fhir.nhs.uk/CodeSystem/medicationrequest-status-reason");
        assertThat(((DecodeResult.Decoded) codec.decode(codec.encode(c, EpsCodec.FORMAT, new FieldTrail()), env, new FieldTrail())).events())
                .containsExactly(c);
    }

    @Test
    void aDispenseNotificationRoundTrips() throws Exception {
        DispenseNotification d = Samples.dispensed(Samples.prescription("dn", "100 tablet"));
        byte[] bytes = codec.encode(d, EpsCodec.FORMAT, new FieldTrail());
        JsonNode bundle = Json.MAPPER.readTree(bytes);
        assertThat(EpsBundleReader.eventCode(bundle)).isEqualTo("dispense-notification");
        assertThat(resource(bundle, "MedicationDispense").path("type").path("coding").path(0).path("code").asText()).isEqualTo("0001");
        assertThat(((DecodeResult.Decoded) codec.decode(bytes, env, new FieldTrail())).events()).containsExactly(d);
    }

    @Test
    void aPharmacyOrderBecomesAPrescriptionWhoseIdComesFromTheOrderKey() throws Exception {
        var order = Samples.pharmacyOrder("ORD-77", OrderStatus.REQUESTED);
        FieldTrail trail = new FieldTrail();
        JsonNode bundle = Json.MAPPER.readTree(codec.encode(order, EpsCodec.FORMAT, trail));
        String id = EpsBundleReader.prescriptionId(bundle).value();
        assertThat(id).isEqualTo(PrescriptionIds.derive(order.key().token(), Samples.ODS).value());
        assertThat(resource(bundle, "MedicationRequest").path("dosageInstruction").path(0).path("text").asText()).isEqualTo("500 mg PO QDS");
        assertThat(trail.mappings()).anySatisfy(m -> assertThat(m.toString()).contains("prescriptionId"));
        JsonNode cancel = Json.MAPPER.readTree(codec.encode(Samples.pharmacyOrder("ORD-77", OrderStatus.CANCELLED), EpsCodec.FORMAT, new FieldTrail()));
        assertThat(EpsBundleReader.eventCode(cancel)).isEqualTo("prescription-order-update");
        assertThat(EpsBundleReader.prescriptionId(cancel).value()).isEqualTo(id);
    }

    @Test
    void anOrderWithoutAPrescriberOdsOrMedicationIsNotSendable() {
        EpsCodec unconfigured = new EpsCodec(Optional::empty);
        assertThatThrownBy(() -> unconfigured.encode(Samples.pharmacyOrder("ORD-1", OrderStatus.REQUESTED), EpsCodec.FORMAT, new FieldTrail()))
                .isInstanceOf(HoldfastException.class).hasMessageContaining("prescriberOdsCode");
    }

    @Test
    void somethingElseIsRejectedNotThrown() {
        assertThat(codec.decode("not json".getBytes(), env, new FieldTrail())).isInstanceOf(DecodeResult.Rejected.class);
        assertThat(codec.decode("{\"resourceType\":\"Patient\"}".getBytes(), env, new FieldTrail())).isInstanceOf(DecodeResult.Rejected.class);
    }

    private static String bundleId(byte[] bytes) {
        try {
            return Json.MAPPER.readTree(bytes).path("identifier").path("value").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode resource(JsonNode bundle, String type) {
        for (JsonNode e : bundle.path("entry")) {
            if (type.equals(e.path("resource").path("resourceType").asText())) {
                return e.path("resource");
            }
        }
        throw new AssertionError("no " + type);
    }
}
