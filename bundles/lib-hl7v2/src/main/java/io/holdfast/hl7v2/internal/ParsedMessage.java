package io.holdfast.hl7v2.internal;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Group;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed message flattened to its non-empty segments in message order, which is what the
 * mappings need (an ORU's OBX belong to the OBR before them) whatever group structure HAPI chose.
 *
 * @param zone the sender's local time zone for timestamps without an offset
 */
record ParsedMessage(List<SegmentView> segments, ZoneId zone) {

    static ParsedMessage of(Message message, ZoneId zone) throws HL7Exception {
        List<Segment> flat = new ArrayList<>();
        walk(message, flat);
        Map<String, Integer> counts = new HashMap<>();
        List<SegmentView> views = new ArrayList<>(flat.size());
        for (Segment s : flat) {
            views.add(SegmentView.of(s, counts.merge(s.getName(), 1, Integer::sum)));
        }
        return new ParsedMessage(views, zone);
    }

    private static void walk(Group group, List<Segment> out) throws HL7Exception {
        for (String name : group.getNames()) {
            for (Structure s : group.getAll(name)) {
                if (s instanceof Segment seg) {
                    if (!seg.isEmpty()) {
                        out.add(seg);
                    }
                } else if (s instanceof Group g) {
                    walk(g, out);
                }
            }
        }
    }

    /**
     * The segments from each {@code name} segment up to the next one (e.g. each patient's PID,
     * PD1, PV1, ORC, OBR, OBX of a multi-patient ORU); segments before the first are left out.
     */
    List<List<SegmentView>> blocksStartingWith(String name) {
        List<List<SegmentView>> blocks = new ArrayList<>();
        for (SegmentView s : segments) {
            if (s.name().equals(name)) {
                blocks.add(new ArrayList<>());
            }
            if (!blocks.isEmpty()) {
                blocks.get(blocks.size() - 1).add(s);
            }
        }
        return blocks;
    }

    static Optional<SegmentView> first(List<SegmentView> segments, String name) {
        return segments.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The first {@code name} segment after {@code anchor} in {@code segments}, else the first anywhere in them. */
    static Optional<SegmentView> firstAfter(List<SegmentView> segments, SegmentView anchor, String name) {
        int from = segments.indexOf(anchor);
        return segments.subList(from + 1, segments.size()).stream().filter(s -> s.name().equals(name)).findFirst()
                .or(() -> first(segments, name));
    }

    Optional<SegmentView> first(String name) {
        return segments.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    SegmentView require(String name) {
        return first(name).orElseThrow(() -> new MappingException(MappingException.MISSING_FIELD, "no " + name + " segment"));
    }

    SegmentView msh() {
        return require("MSH");
    }

    /** Message code and trigger, e.g. {@code ADT^A01}. */
    String messageType() {
        SegmentView msh = msh();
        String trigger = msh.get(9, 2);
        return trigger.isEmpty() ? msh.get(9, 1) : msh.get(9, 1) + "^" + trigger;
    }

    /** MSH-4 sending facility: the default assigning authority and facility of the feed. */
    String sendingFacility() {
        SegmentView msh = msh();
        String f = msh.get(4, 1);
        return f.isEmpty() ? msh.get(3, 1) : f;
    }
}
