package io.holdfast.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.EventKey;
import io.holdfast.api.event.Order;
import io.holdfast.api.event.OrderCategory;
import io.holdfast.api.event.OrderStatus;
import io.holdfast.api.event.OrderedMedication;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldMapping;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** ORM^O01, OML^O21 and RDE^O11 to canonical {@link Order}s, with UK (ICE, WinPath, CRIS, EPMA) shaped fixtures. */
class OrderMappingTest {
    final Hl7v2Codec codec = new Hl7v2Codec();
    FieldTrail trail = new FieldTrail();

    DecodeResult decode(byte[] bytes) {
        trail = new FieldTrail();
        return codec.decode(bytes, Envelope.of("x", "ice", "mllp:orders", WireFormat.hl7v2("2.4")), trail);
    }

    List<Order> orders(String fixture) {
        DecodeResult r = decode(Fixtures.bytes(fixture));
        assertThat(r).isInstanceOf(DecodeResult.Decoded.class);
        List<ClinicalEvent> events = ((DecodeResult.Decoded) r).events();
        assertThat(events).allSatisfy(e -> assertThat(e).isInstanceOf(Order.class));
        return events.stream().map(Order.class::cast).toList();
    }

    DecodeResult.Rejected rejected(String text) {
        DecodeResult r = decode(text.replace("\n", "\r").getBytes(StandardCharsets.ISO_8859_1));
        assertThat(r).isInstanceOf(DecodeResult.Rejected.class);
        return (DecodeResult.Rejected) r;
    }

    @Test
    void ormNewOrdersOnePerOrcKeyedByPlacerNumberInThePlacersNamespace() {
        List<Order> orders = orders("orm_o01_v24_new.hl7");
        assertThat(orders).hasSize(2);
        Order fbc = orders.get(0);
        assertThat(fbc.key()).isEqualTo(new EventKey("Order", "urn:holdfast:local:ICE", "ICE0001234"));
        assertThat(fbc.placerOrderNumber()).contains(Identifier.local("ICE", "ICE0001234"));
        assertThat(fbc.fillerOrderNumber()).isEmpty();
        assertThat(fbc.status()).isEqualTo(OrderStatus.REQUESTED);
        assertThat(fbc.category()).isEqualTo(OrderCategory.LABORATORY);
        assertThat(fbc.serviceCode()).isEqualTo("FBC");
        assertThat(fbc.serviceName()).isEqualTo("Full blood count");
        assertThat(fbc.serviceCodeSystem()).isEqualTo("WINPATH");
        assertThat(fbc.priority()).contains("R");
        assertThat(fbc.requestedAt()).contains(Instant.parse("2026-03-02T09:00:00Z"));
        assertThat(fbc.occurredAt()).contains(Instant.parse("2026-03-02T09:15:00Z"));
        assertThat(fbc.orderer().orElseThrow().identifier().value()).isEqualTo("C1234567");
        assertThat(fbc.clinicalInfo()).contains("Tired all the time ?anaemia");
        assertThat(fbc.visit().orElseThrow().visitNumber()).isEqualTo(Identifier.local("RXX", "V000456"));
        assertThat(fbc.patient().nhsNumber()).contains(NhsNumber.parse("9449305552"));
        assertThat(fbc.medication()).isEmpty();
        assertThat(orders.get(1).key().value()).isEqualTo("ICE0001235");
        assertThat(orders.get(1).serviceCode()).isEqualTo("UE");
        assertThat(trail.mappings()).contains(
                new FieldMapping("ORC-2.1", "order.placerOrderNumber.value", "", "ICE0001234"),
                new FieldMapping("ORC-2.2", "order.placerOrderNumber.system", "", "ICE"),
                new FieldMapping("ORC[2]-2.1", "order.placerOrderNumber.value", "", "ICE0001235"),
                new FieldMapping("ORC-1", "order.status", "", "NW"),
                new FieldMapping("OBR-4.1", "order.serviceCode", "", "FBC"),
                new FieldMapping("ORC-9.1", "event.occurredAt", "", "20260302091500"));
    }

    @Test
    void theOrdersLifeIsOneKeyWhoseStatusChangesAreAmendments() {
        Order placed = orders("orm_o01_v24_new.hl7").get(0);
        Order cancelRequest = orders("orm_o01_v24_cancel.hl7").get(0);
        Order inProgress = orders("orm_o01_v24_status.hl7").get(0);
        assertThat(cancelRequest.status()).isEqualTo(OrderStatus.CANCEL_REQUESTED);
        assertThat(cancelRequest.statusReason()).contains("Duplicate request");
        // the filler's SC leaves ORC-2.2 empty: the placer is the receiving application MSH-5 (ICE), not WINPATH
        assertThat(inProgress.status()).isEqualTo(OrderStatus.IN_PROGRESS);
        assertThat(inProgress.fillerOrderNumber()).contains(Identifier.local("WINPATH", "LAB26-000777"));
        assertThat(cancelRequest.key()).isEqualTo(placed.key());
        assertThat(inProgress.key()).isEqualTo(placed.key());
        assertThat(List.of(placed.digest(), cancelRequest.digest(), inProgress.digest())).doesNotHaveDuplicates();
        assertThat(trail.mappings()).contains(new FieldMapping("MSH-5.1", "order.placerOrderNumber.system", "", "ICE"));
    }

    @Test
    void aResentOrderWithANewControlIdAndTransactionTimeIsTheSameKeyAndDigest() {
        String text = Fixtures.text("orm_o01_v24_new.hl7");
        Order first = orders("orm_o01_v24_new.hl7").get(0);
        String resent = text.replace("ICE000456789", "ICE000999999").replace("20260302091500", "20260302094500");
        Order second = (Order) ((DecodeResult.Decoded) decode(resent.getBytes(StandardCharsets.ISO_8859_1))).events().get(0);
        assertThat(second.key()).isEqualTo(first.key());
        assertThat(second.digest()).isEqualTo(first.digest());
        assertThat(second.occurredAt()).isNotEqualTo(first.occurredAt());
    }

    @Test
    void v23RadiologyOrderIsImagingWithUrgentPriority() {
        Order xr = orders("orm_o01_v23_radiology.hl7").get(0);
        assertThat(xr.category()).isEqualTo(OrderCategory.IMAGING);
        assertThat(xr.priority()).contains("U");
        assertThat(xr.serviceName()).isEqualTo("XR Chest");
        assertThat(xr.key()).isEqualTo(new EventKey("Order", "urn:holdfast:local:EPR", "EPR55501"));
    }

    @Test
    void omlV25OrdersTakeTimingFromTq1() {
        List<Order> orders = orders("oml_o21_v25.hl7");
        assertThat(orders).extracting(Order::serviceCode).containsExactly("CRP", "BC");
        Order crp = orders.get(0);
        assertThat(crp.category()).isEqualTo(OrderCategory.LABORATORY);
        assertThat(crp.priority()).contains("S");
        assertThat(crp.requestedAt()).contains(Instant.parse("2026-03-02T11:00:00Z"));
        assertThat(crp.clinicalInfo()).contains("Sepsis screen");
        assertThat(crp.visit()).isPresent();
        assertThat(trail.mappings()).contains(new FieldMapping("TQ1-9.1", "order.priority", "", "S"),
                new FieldMapping("TQ1[2]-7.1", "order.requestedAt", "", "20260302110000"));
    }

    @Test
    void rdeV24IsAPharmacyOrderWithItsMedication() {
        Order order = orders("rde_o11_v24.hl7").get(0);
        assertThat(order.category()).isEqualTo(OrderCategory.PHARMACY);
        assertThat(order.key()).isEqualTo(new EventKey("Order", "urn:holdfast:local:EPMA", "EPMA778899"));
        assertThat(order.serviceCode()).isEqualTo("323509004");
        OrderedMedication med = order.medication().orElseThrow();
        assertThat(med.code()).isEqualTo("323509004");
        assertThat(med.codeSystem()).isEqualTo("DMD");
        assertThat(med.display()).isEqualTo("Amoxicillin 500mg capsules");
        assertThat(med.dose()).contains("500");
        assertThat(med.doseUnit()).contains("mg");
        assertThat(med.doseForm()).contains("CAP");
        assertThat(med.route()).contains("PO");
        assertThat(med.frequency()).contains("TDS");
        assertThat(med.dispenseQuantity()).contains("21");
        assertThat(med.dispenseUnit()).contains("CAP");
        assertThat(med.instructions()).contains("Take at regular intervals and complete the course");
        assertThat(order.requestedAt()).contains(Instant.parse("2026-03-03T09:00:00Z"));
        assertThat(trail.mappings()).contains(new FieldMapping("RXE-2.1", "order.medication.code", "", "323509004"),
                new FieldMapping("RXR-1.1", "order.medication.route", "", "PO"));
    }

    @Test
    void ormWithRxoIsAPharmacyOrderReadFromTheRxoFields() {
        Order order = orders("orm_o01_v24_pharmacy.hl7").get(0);
        assertThat(order.category()).isEqualTo(OrderCategory.PHARMACY);
        assertThat(order.serviceCode()).isEqualTo("42206511000001102");
        OrderedMedication med = order.medication().orElseThrow();
        assertThat(med.dose()).contains("40");
        assertThat(med.doseUnit()).contains("mg");
        assertThat(med.doseForm()).contains("INJ");
        assertThat(med.route()).contains("SC");
        assertThat(med.frequency()).as("ORC-7.2").contains("OD");
        assertThat(med.dispenseQuantity()).contains("7");
        assertThat(med.dispenseUnit()).contains("SYR");
        assertThat(med.instructions()).contains("Subcutaneous, 18:00 daily");
        assertThat(trail.mappings()).contains(new FieldMapping("RXO-1.1", "order.medication.code", "", "42206511000001102"),
                new FieldMapping("ORC-7.2", "order.medication.frequency", "", "OD"));
    }

    @Test
    void rdeV25UsesTheEncodedOrdersRouteAndTimingNotTheOriginalRxo() {
        Order order = orders("rde_o11_v25.hl7").get(0);
        assertThat(order.status()).isEqualTo(OrderStatus.REVISED);
        assertThat(order.fillerOrderNumber()).contains(Identifier.local("JAC", "JAC4455"));
        OrderedMedication med = order.medication().orElseThrow();
        assertThat(med.display()).isEqualTo("Co-amoxiclav 500mg/125mg tablets");
        assertThat(med.route()).contains("PO");
        assertThat(med.frequency()).contains("TDS");
        assertThat(med.dose()).contains("625");
    }

    @Test
    void anOrderWithNeitherPlacerNorFillerNumberIsATypedRejectionNotADrop() {
        DecodeResult r = decode(Fixtures.bytes("orm_o01_v24_no_order_numbers.hl7"));
        assertThat(r).isInstanceOfSatisfying(DecodeResult.Rejected.class, rej -> {
            assertThat(rej.code()).isEqualTo("MISSING_FIELD");
            assertThat(rej.reason()).contains("ORC-2.1", "ORC-3.1", "placer", "filler");
        });
    }

    @Test
    void anOrderNumberWithNoNamespaceAnywhereIsRejected() {
        String text = Fixtures.text("orm_o01_v24_new.hl7").replace("ICE0001234^ICE", "ICE0001234").replace("|ICE|RXX|", "||RXX|");
        DecodeResult.Rejected rej = rejected(text);
        assertThat(rej.code()).isEqualTo("MISSING_FIELD");
        assertThat(rej.reason()).contains("ORC-2.2", "MSH-3.1");
    }

    @Test
    void anUnknownOrderControlIsRejectedNotGuessed() {
        DecodeResult.Rejected rej = rejected(Fixtures.text("orm_o01_v24_cancel.hl7").replace("ORC|CA|", "ORC|ZZ|"));
        assertThat(rej.code()).isEqualTo("INVALID_VALUE");
        assertThat(rej.reason()).contains("ORC-1", "not an order control");
    }

    @Test
    void statusChangedWithoutAnOrderStatusIsRejected() {
        DecodeResult.Rejected rej = rejected(Fixtures.text("orm_o01_v24_status.hl7").replace("|IP|", "||"));
        assertThat(rej.code()).isEqualTo("MISSING_FIELD");
        assertThat(rej.reason()).contains("ORC-5");
    }

    @Test
    void anOrderGroupWithoutAnyOrderedServiceIsRejected() {
        String text = Fixtures.text("orm_o01_v24_cancel.hl7");
        DecodeResult.Rejected rej = rejected(text.substring(0, text.indexOf("OBR|")));
        assertThat(rej.code()).isEqualTo("MISSING_FIELD");
        assertThat(rej.reason()).contains("no OBR, RXO or RXE");
    }

    @Test
    void anOrderMessageWithoutPidIsRejected() {
        String text = Fixtures.text("orm_o01_v24_cancel.hl7");
        String noPid = text.replaceAll("PID\\|[^\r]*\r", "").replaceAll("PD1\\|[^\r]*\r", "");
        DecodeResult.Rejected rej = rejected(noPid);
        assertThat(rej.code()).isEqualTo("MISSING_FIELD");
        assertThat(rej.reason()).contains("PID");
    }

    @ParameterizedTest
    @ValueSource(strings = {"orm_o01_v24_new.hl7", "orm_o01_v24_cancel.hl7", "orm_o01_v24_status.hl7", "orm_o01_v23_radiology.hl7",
            "oml_o21_v25.hl7", "rde_o11_v24.hl7", "rde_o11_v25.hl7", "orm_o01_v24_pharmacy.hl7"})
    void encodeThenDecodeKeepsEveryOrdersKeyAndDigest(String fixture) {
        for (Order order : orders(fixture)) {
            for (String version : new String[] {"2.3", "2.4", "2.5"}) {
                FieldTrail out = new FieldTrail();
                byte[] wire = codec.encode(order, WireFormat.hl7v2(version), out);
                String text = new String(wire, StandardCharsets.UTF_8);
                assertThat(text).contains(order.medication().isPresent() ? "|RDE^O11^RDE_O11|" : "|ORM^O01^ORM_O01|");
                assertThat(out.mappings()).isNotEmpty();
                DecodeResult back = decode(wire);
                assertThat(back).as(text).isInstanceOf(DecodeResult.Decoded.class);
                Order again = (Order) ((DecodeResult.Decoded) back).events().get(0);
                assertThat(again.key()).isEqualTo(order.key());
                assertThat(again).as(text).isEqualTo(order);
                assertThat(again.digest()).isEqualTo(order.digest());
            }
        }
    }

    @Test
    void everyStatusSurvivesARoundTrip() {
        Order placed = orders("orm_o01_v24_new.hl7").get(0);
        for (OrderStatus status : OrderStatus.values()) {
            Order o = new Order(placed.patient(), placed.placerOrderNumber(), placed.fillerOrderNumber(), placed.category(), status,
                    placed.serviceCode(), placed.serviceCodeSystem(), placed.serviceName(), placed.medication(), placed.priority(),
                    placed.requestedAt(), placed.orderer(), placed.visit(), placed.clinicalInfo(), placed.statusReason(),
                    placed.occurredAt());
            Order again = (Order) ((DecodeResult.Decoded) decode(codec.encode(o, WireFormat.hl7v2("2.4"), new FieldTrail()))).events().get(0);
            assertThat(again.status()).as(status.name()).isEqualTo(status);
        }
    }
}
