package ${package}.internal.codec;

import ${package}.internal.ConnectorNames;
import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidNhsNumberException;
import io.holdfast.api.event.Appointment;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.Patient;
import io.holdfast.api.spi.Codec;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;

/**
 * Booking-system messages to and from the canonical {@link Appointment}. The natural key is the appointment id as
 * issued by the organisation in {@code issuer} (its ODS code): the transport's message id plays no part in it, so a
 * message fetched twice is a duplicate and a changed appointment is an amendment. {@code sentAt} is volatile
 * ({@code occurredAt}, excluded from the content digest). Every mapped field goes into the field trail; the journal
 * keeps the values as keyed digests unless its field policy allows them in clear.
 *
 * <p>Registered for routing too: the dispatcher re-decodes journaled messages of this format, and encodes events for
 * targets of this format, through this service.
 */
@Component(service = Codec.class, property = Codec.FORMAT_PROPERTY + "=" + ConnectorNames.FORMAT_FAMILY)
public class AppointmentCodec implements Codec<byte[]> {
    public static final WireFormat FORMAT = new WireFormat(ConnectorNames.FORMAT_FAMILY, "1");
    static final Set<String> STATUSES = Set.of("booked", "arrived", "fulfilled", "cancelled", "noshow");
    private static final Pattern ODS_CODE = Pattern.compile("[A-Z0-9]{3,10}");

    @Override
    public WireFormat format() {
        return FORMAT;
    }

    @Override
    public DecodeResult decode(byte[] wire, Envelope envelope, FieldTrail trail) {
        FieldTrail mapped = new FieldTrail();
        try {
            Appointment appointment = toAppointment(KeyValueMessage.parse(wire), mapped);
            // only a message that maps completely leaves a trail
            mapped.mappings().forEach(trail::add);
            return DecodeResult.decoded(appointment);
        } catch (RejectedMessage e) {
            return DecodeResult.rejected(e.code(), e.getMessage());
        } catch (InvalidNhsNumberException e) {
            return DecodeResult.rejected("INVALID_NHS_NUMBER", "field 'nhsNumber': " + e.getMessage());
        } catch (HoldfastException e) {
            // a value the canonical model refuses (its messages carry no values); a codec never throws for bad input
            return DecodeResult.rejected("INVALID_FIELD", e.getMessage());
        }
    }

    private static Appointment toAppointment(KeyValueMessage m, FieldTrail trail) throws RejectedMessage {
        String issuer = m.require("issuer");
        if (!ODS_CODE.matcher(issuer).matches()) {
            throw new RejectedMessage("INVALID_FIELD", "field 'issuer' must be an ODS code (3-10 capital letters or digits)");
        }
        Identifier id = Identifier.local(issuer, m.require("appointmentId"));
        NhsNumber nhsNumber = NhsNumber.parse(m.require("nhsNumber"));
        String status = m.require("status");
        if (!STATUSES.contains(status)) {
            throw new RejectedMessage("INVALID_FIELD", "field 'status' must be one of " + String.join(", ", STATUSES.stream().sorted().toList()));
        }
        Optional<Instant> start = instant(m, "start");
        Optional<Duration> duration = minutes(m);
        trail.inbound("appointmentId", "appointment.identifier.value", id.value())
                .inbound("issuer", "appointment.identifier.system", id.system())
                .inbound("nhsNumber", "patient.nhsNumber", nhsNumber.value())
                .inbound("start", "appointment.start", start.map(Instant::toString).orElse(""))
                .inbound("durationMinutes", "appointment.duration", duration.map(Duration::toString).orElse(""))
                .inbound("location", "appointment.location", m.get("location").orElse(""))
                .inbound("status", "appointment.status", status);
        return new Appointment(id, Patient.identifiedBy(Identifier.of(nhsNumber)), start, duration, m.get("location"),
                Optional.empty(), status, instant(m, "sentAt"));
    }

    private static Optional<Instant> instant(KeyValueMessage m, String key) throws RejectedMessage {
        Optional<String> text = m.get(key);
        try {
            return text.map(Instant::parse);
        } catch (DateTimeException e) {
            throw new RejectedMessage("INVALID_FIELD", "field '" + key + "' must be an ISO-8601 UTC instant, e.g. 2026-12-24T09:30:00Z");
        }
    }

    private static Optional<Duration> minutes(KeyValueMessage m) throws RejectedMessage {
        Optional<String> text = m.get("durationMinutes");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            int minutes = Integer.parseInt(text.get());
            if (minutes >= 1 && minutes <= 1440) {
                return Optional.of(Duration.ofMinutes(minutes));
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range value
        }
        throw new RejectedMessage("INVALID_FIELD", "field 'durationMinutes' must be a whole number from 1 to 1440");
    }

    @Override
    public byte[] encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
        if (!(event instanceof Appointment a)) {
            throw new HoldfastException(ErrorCode.INVALID_EVENT,
                    "format " + ConnectorNames.FORMAT_FAMILY + " carries Appointment events only, not " + event.type());
        }
        if (!a.appointmentId().system().startsWith(Identifier.LOCAL_PREFIX)) {
            throw new HoldfastException(ErrorCode.INVALID_EVENT, "format " + ConnectorNames.FORMAT_FAMILY
                    + " needs an appointment id issued by an organisation (" + Identifier.LOCAL_PREFIX + "<ODS code>)");
        }
        NhsNumber nhsNumber = a.patient().nhsNumber().orElseThrow(() -> new HoldfastException(ErrorCode.INVALID_EVENT,
                "format " + ConnectorNames.FORMAT_FAMILY + " needs the patient's NHS number"));
        Map<String, String> wire = new LinkedHashMap<>();
        wire.put("appointmentId", a.appointmentId().value());
        wire.put("issuer", a.appointmentId().system().substring(Identifier.LOCAL_PREFIX.length()));
        wire.put("nhsNumber", nhsNumber.value());
        a.start().ifPresent(s -> wire.put("start", s.toString()));
        a.duration().ifPresent(d -> wire.put("durationMinutes", Long.toString(d.toMinutes())));
        a.location().ifPresent(l -> wire.put("location", l));
        wire.put("status", a.status());
        a.occurredAt().ifPresent(t -> wire.put("sentAt", t.toString()));
        wire.forEach((key, value) -> trail.outbound(canonicalPath(key), key, value));
        return KeyValueMessage.format(wire);
    }

    private static String canonicalPath(String wireKey) {
        return switch (wireKey) {
            case "appointmentId" -> "appointment.identifier.value";
            case "issuer" -> "appointment.identifier.system";
            case "nhsNumber" -> "patient.nhsNumber";
            case "durationMinutes" -> "appointment.duration";
            case "sentAt" -> "appointment.occurredAt";
            default -> "appointment." + wireKey;
        };
    }
}
