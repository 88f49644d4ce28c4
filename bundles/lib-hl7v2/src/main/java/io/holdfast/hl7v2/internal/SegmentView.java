package io.holdfast.hl7v2.internal;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.ExtraComponents;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.Varies;

/**
 * Positional read access to one parsed segment ({@code PID-3[2].4.1} style), independent of the
 * HAPI structure classes, so one mapping reads v2.3, v2.4 and v2.5 alike. Absent values are "".
 *
 * @param index 1-based occurrence of this segment name in the message (OBR[2])
 */
record SegmentView(Segment segment, String name, int index) {

    static SegmentView of(Segment segment, int index) {
        return new SegmentView(segment, segment.getName(), index);
    }

    /** Number of repetitions of a field. */
    int reps(int field) {
        try {
            return field <= segment.numFields() ? segment.getField(field).length : 0;
        } catch (HL7Exception e) {
            return 0;
        }
    }

    /** Component 1, subcomponent 1 of the first repetition. */
    String get(int field) {
        return get(field, 1, 1, 1);
    }

    /** Component {@code comp} (1-based) of the first repetition. */
    String get(int field, int comp) {
        return get(field, 1, comp, 1);
    }

    /** Field {@code field}, repetition {@code rep}, component {@code comp}, subcomponent {@code sub}, all 1-based. */
    String get(int field, int rep, int comp, int sub) {
        try {
            if (field > segment.numFields()) {
                return "";
            }
            Type[] reps = segment.getField(field);
            if (rep > reps.length) {
                return "";
            }
            Type t = component(reps[rep - 1], comp);
            t = t == null ? null : component(t, sub);
            return t instanceof Primitive p && p.getValue() != null ? p.getValue().trim() : "";
        } catch (HL7Exception e) {
            return "";
        }
    }

    /** The whole repetition as the sender encoded it (e.g. an OBX-5 of type CE). */
    String encoded(int field, int rep) {
        try {
            if (field > segment.numFields()) {
                return "";
            }
            Type[] reps = segment.getField(field);
            return rep > reps.length ? "" : reps[rep - 1].encode().trim();
        } catch (HL7Exception e) {
            return "";
        }
    }

    /** Source path for the field trail, e.g. {@code PID-3[2].1} or {@code OBX[3]-5}. */
    String path(int field, int rep, int comp) {
        String seg = index > 1 ? name + "[" + index + "]" : name;
        return seg + "-" + field + (rep > 1 || reps(field) > 1 ? "[" + rep + "]" : "") + (comp > 0 ? "." + comp : "");
    }

    String path(int field, int comp) {
        return path(field, 1, comp);
    }

    private static Type component(Type t, int n) {
        if (t instanceof Varies v) {
            t = v.getData();
        }
        if (t instanceof Composite c) {
            Type[] comps = c.getComponents();
            if (n <= comps.length) {
                return unwrap(comps[n - 1]);
            }
            return extra(c.getExtraComponents(), n - comps.length - 1);
        }
        if (n == 1) {
            return t;
        }
        return extra(t.getExtraComponents(), n - 2);
    }

    private static Type extra(ExtraComponents extra, int i) {
        return i >= 0 && i < extra.numComponents() ? unwrap(extra.getComponent(i)) : null;
    }

    private static Type unwrap(Type t) {
        return t instanceof Varies v ? v.getData() : t;
    }
}
