package io.holdfast.routing.internal.dispatch;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.Codec;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Bridges codecs' wire types and bytes. The dispatcher can feed and take {@code byte[]},
 * {@code String} (UTF-8) and {@link Payload}; a codec whose wire type is something else (a parsed
 * object model) can still encode, as long as its result is one of those.
 */
final class WireBytes {
    private WireBytes() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static DecodeResult decode(Codec<?> codec, byte[] bytes, Envelope envelope) throws AttemptStop {
        Class<?> wire = wireType(codec.getClass());
        Object input;
        if (wire == String.class || wire == CharSequence.class) {
            input = new String(bytes, StandardCharsets.UTF_8);
        } else if (wire == Payload.class) {
            input = Payload.of(bytes);
        } else if (wire == byte[].class || wire == Object.class) {
            input = bytes;
        } else {
            throw AttemptStop.unsendable("codec for " + codec.format() + " reads " + wire.getName()
                    + "; routing can re-read journaled payloads only as byte[], String or Payload");
        }
        try {
            return ((Codec) codec).decode(input, envelope, new FieldTrail());
        } catch (ClassCastException e) {
            throw AttemptStop.unsendable("codec for " + codec.format() + " does not read raw bytes: " + e.getMessage());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Payload encode(Codec<?> codec, ClinicalEvent event, WireFormat target, FieldTrail trail) throws AttemptStop {
        Object wire = ((Codec) codec).encode(event, target, trail);
        if (wire instanceof byte[] b) {
            return Payload.of(b);
        }
        if (wire instanceof CharSequence s) {
            return Payload.of(s.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (wire instanceof Payload p) {
            return p;
        }
        throw AttemptStop.unsendable("codec for " + codec.format() + " encodes to "
                + (wire == null ? "null" : wire.getClass().getName()) + "; routing sends byte[], String or Payload");
    }

    /** The codec's declared wire type {@code W}, or Object if it cannot be resolved. */
    static Class<?> wireType(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Type t : c.getGenericInterfaces()) {
                if (t instanceof ParameterizedType p && p.getRawType() == Codec.class) {
                    Type arg = p.getActualTypeArguments()[0];
                    if (arg instanceof Class<?> k) {
                        return k;
                    }
                    if (arg instanceof GenericArrayType g && g.getGenericComponentType() == byte.class) {
                        return byte[].class;
                    }
                    if (arg instanceof ParameterizedType pa && pa.getRawType() instanceof Class<?> raw) {
                        return raw;
                    }
                }
            }
        }
        return Object.class;
    }
}
