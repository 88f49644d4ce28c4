package io.holdfast.hl7v2.internal;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.FieldTrail;
import java.time.ZoneId;
import java.util.List;

/**
 * Chooses the mapping for a parsed message by MSH-9 and turns mapping failures into typed
 * rejections ({@link MappingException#code()}: {@code MISSING_FIELD}, {@code INVALID_VALUE},
 * {@code INVALID_NHS_NUMBER}). A message type without a mapping is {@link DecodeResult.Unmapped}.
 */
public final class MessageMapper {
    private MessageMapper() {
    }

    public static DecodeResult map(Message message, ZoneId zone, FieldTrail trail) throws HL7Exception {
        try {
            return map(ParsedMessage.of(message, zone), trail);
        } catch (MappingException e) {
            return DecodeResult.rejected(e.code(), e.getMessage());
        } catch (HoldfastException e) {
            return DecodeResult.rejected(e.errorCode().name(), e.getMessage());
        }
    }

    private static DecodeResult map(ParsedMessage m, FieldTrail trail) {
        SegmentView msh = m.msh();
        String code = msh.get(9, 1);
        String trigger = msh.get(9, 2);
        if ("ADT".equals(code) && AdtMapper.handles(trigger)) {
            return new DecodeResult.Decoded(List.of(AdtMapper.map(m, trigger, trail)));
        }
        if ("ORU".equals(code) && ResultMapper.handles(trigger)) {
            return new DecodeResult.Decoded(ResultMapper.map(m, trail));
        }
        if (OrderMapper.handles(code, trigger)) {
            return new DecodeResult.Decoded(OrderMapper.map(m, trail));
        }
        return new DecodeResult.Unmapped(m.messageType());
    }
}
