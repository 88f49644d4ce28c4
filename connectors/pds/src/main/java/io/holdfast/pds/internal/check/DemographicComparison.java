package io.holdfast.pds.internal.check;

import io.holdfast.api.model.HumanName;
import io.holdfast.api.model.Patient;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which demographics of an inbound patient disagree with PDS: birth date, family name, first given name. Names compare
 * case-, accent- and space-insensitively against every name PDS holds (usual, previous, alias), because a sender with
 * an older name is not wrong enough to flag. Absent on either side is not a mismatch: nothing to compare. Only field
 * names come out, never values.
 */
public final class DemographicComparison {
    private DemographicComparison() {
    }

    public static List<String> mismatches(Patient inbound, Patient pds) {
        List<String> out = new ArrayList<>();
        if (inbound.birthDate().isPresent() && pds.birthDate().isPresent() && !inbound.birthDate().equals(pds.birthDate())) {
            out.add("birthDate");
        }
        if (inbound.names().isEmpty() || pds.names().isEmpty()) {
            return out;
        }
        HumanName name = inbound.names().get(0);
        if (!name.family().isBlank() && pds.names().stream().noneMatch(n -> same(n.family(), name.family()))) {
            out.add("family");
        }
        if (!name.given().isEmpty() && pds.names().stream().noneMatch(n -> !n.given().isEmpty() && same(n.given().get(0), name.given().get(0)))) {
            out.add("given");
        }
        return out;
    }

    static boolean same(String a, String b) {
        return fold(a).equals(fold(b));
    }

    private static String fold(String s) {
        String plain = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.replaceAll("[\\s'-]", "").toLowerCase(Locale.ROOT);
    }
}
