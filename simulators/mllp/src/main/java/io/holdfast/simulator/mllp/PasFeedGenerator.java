package io.holdfast.simulator.mllp;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A PAS-like HL7 v2.4 ADT stream (HL7 UK ITK layout) with realistic patient journeys: person add
 * (A28), pre-admission (A05), admission (A01), transfers (A02), demographic updates (A08/A31),
 * discharges (A03), occasional cancellations (A11/A13) and merges (A40), plus ORU^R01 results.
 * Deterministic for a seed, so tests and benchmarks replay the same traffic.
 */
public final class PasFeedGenerator {
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private final Random random;
    private final String facility;
    private final List<Journey> active = new ArrayList<>();
    private LocalDateTime clock = LocalDateTime.of(2026, 3, 1, 8, 0);
    private long controlId;
    private int patients;
    private int visits;
    private final boolean withResults;

    private static final class Journey {
        final TestPatients.Person person;
        final String visit;
        String ward;
        int step;

        Journey(TestPatients.Person person, String visit, String ward) {
            this.person = person;
            this.visit = visit;
            this.ward = ward;
        }
    }

    public PasFeedGenerator(long seed, String facility, boolean withResults) {
        this.random = new Random(seed);
        this.facility = facility;
        this.withResults = withResults;
    }

    public PasFeedGenerator(long seed) {
        this(seed, "RXX", true);
    }

    /** The next message (segments ending in CR, ISO-8859-1, no MLLP framing). */
    public byte[] next() {
        clock = clock.plusSeconds(20 + random.nextInt(300));
        if (active.isEmpty() || active.size() < 20 && random.nextInt(4) == 0) {
            Journey j = new Journey(TestPatients.next(random, ++patients), "V" + String.format("%08d", ++visits), ward());
            active.add(j);
            return adt(j, random.nextInt(5) == 0 ? "A05" : "A01");
        }
        Journey j = active.get(random.nextInt(active.size()));
        j.step++;
        int roll = random.nextInt(100);
        if (j.step > 5 || roll < 15) {
            active.remove(j);
            return adt(j, roll < 2 ? "A11" : "A03");
        }
        if (roll < 40) {
            j.ward = ward();
            return adt(j, "A02");
        }
        if (roll < 55) {
            return adt(j, "A08");
        }
        if (roll < 60) {
            return adt(j, "A31");
        }
        if (roll < 62) {
            return merge(j);
        }
        return withResults ? result(j) : adt(j, "A08");
    }

    /** {@code count} messages. */
    public List<byte[]> take(int count) {
        List<byte[]> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(next());
        }
        return out;
    }

    private String ward() {
        return new String[] {"WARD14", "WARD22", "AMU", "CCU", "WARD7", "SAU"}[random.nextInt(6)] + "^BAY" + (1 + random.nextInt(6))
                + "^BED" + (1 + random.nextInt(8));
    }

    private String msh(String type, String structure) {
        return "MSH|^~\\&|PASSIM|" + facility + "|HOLDFAST|" + facility + "|" + TS.format(clock) + "||" + type + "^" + structure + "|"
                + String.format("PAS%010d", ++controlId) + "|P|2.4|||AL|NE|GBR|8859/1\r";
    }

    private String pid(TestPatients.Person p) {
        return "PID|1||" + p.nhsNumber() + "^^^NHS^NH~" + p.mrn() + "^^^" + facility + "^MR||" + p.family() + "^" + p.given()
                + "||" + p.birthDate() + "|" + p.sex() + "|||" + p.address() + "||" + p.phone() + "^PRN^PH\r"
                + "PD1|||PRACTICE^^" + p.practice() + "\r";
    }

    private String pv1(Journey j, String trigger) {
        String[] f = new String[46];
        java.util.Arrays.fill(f, "");
        f[1] = "1";
        f[2] = "A05".equals(trigger) ? "P" : "I";
        f[3] = j.ward + "^" + facility + "01";
        f[7] = "C" + String.format("%07d", Math.floorMod(j.visit.hashCode(), 10_000_000)) + "^CONSULTANT^ANNE";
        f[10] = "300";
        f[19] = j.visit + "^^^" + facility + "^VN";
        f[44] = TS.format(clock.minusMinutes(30));
        if ("A03".equals(trigger)) {
            f[45] = TS.format(clock);
        }
        StringBuilder sb = new StringBuilder("PV1");
        int last = "A03".equals(trigger) ? 45 : 44;
        for (int i = 1; i <= last; i++) {
            sb.append('|').append(f[i]);
        }
        return sb.append('\r').toString();
    }

    private byte[] adt(Journey j, String trigger) {
        String structure = switch (trigger) {
            case "A02" -> "ADT_A02";
            case "A03" -> "ADT_A03";
            case "A05", "A28", "A31" -> "ADT_A05";
            case "A11" -> "ADT_A09";
            default -> "ADT_A01";
        };
        String evn = "EVN|" + trigger + "|" + TS.format(clock) + ("A02".equals(trigger) ? "|||" + "|" + TS.format(clock.minusMinutes(2)) : "")
                + "\r";
        String body = msh("ADT^" + trigger, structure) + evn + pid(j.person) + ("A31".equals(trigger) ? "PV1|1|N\r" : pv1(j, trigger));
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] merge(Journey j) {
        String retiredMrn = String.format("RX%07d", 5_000_000 + random.nextInt(1_000_000));
        String body = msh("ADT^A40", "ADT_A39") + "EVN|A40|" + TS.format(clock) + "\r" + pid(j.person) + "MRG|" + retiredMrn + "^^^"
                + facility + "^MR\r";
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    private byte[] result(Journey j) {
        String order = String.format("LAB%08d", ++controlId);
        int hb = 100 + random.nextInt(70);
        double wbc = 3 + random.nextInt(100) / 10.0;
        String body = msh("ORU^R01", "ORU_R01") + pid(j.person)
                + "OBR|1|ORD" + controlId + "^EPR|" + order + "^WINPATH|FBC^Full blood count^WINPATH|||" + TS.format(clock.minusHours(2))
                + "|".repeat(15) + TS.format(clock) + "|||F\r"
                + "OBX|1|NM|HB^Haemoglobin^WINPATH||" + hb + "|g/L|115-165|" + (hb < 115 ? "L" : "") + "|||F\r"
                + "OBX|2|NM|WBC^White cell count^WINPATH||" + wbc + "|10*9/L|4.0-11.0|" + (wbc > 11 ? "H" : wbc < 4 ? "L" : "") + "|||F\r";
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }
}
