package io.holdfast.hl7v2.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * HL7 v2 DTM values ({@code YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+/-ZZZZ]}). Values without an offset are
 * local time of the sender's zone (Europe/London for NHS Trusts unless configured otherwise).
 */
final class Hl7Timestamps {
    private Hl7Timestamps() {
    }

    static Optional<Instant> instant(String dtm, ZoneId zone, String sourcePath) {
        if (dtm.isBlank()) {
            return Optional.empty();
        }
        String v = dtm.trim();
        ZoneOffset offset = null;
        int sign = Math.max(v.indexOf('+'), v.indexOf('-'));
        if (sign > 0) {
            String z = v.substring(sign);
            v = v.substring(0, sign);
            if (z.length() != 5) {
                throw invalid(sourcePath);
            }
            offset = ZoneOffset.ofHoursMinutes(Integer.parseInt(z.substring(0, 3)), Integer.parseInt(z.charAt(0) + z.substring(3)));
        }
        String fraction = "";
        int dot = v.indexOf('.');
        if (dot > 0) {
            fraction = v.substring(dot + 1);
            v = v.substring(0, dot);
        }
        if (v.length() < 4 || v.length() > 14 || v.length() % 2 != 0 || !v.chars().allMatch(Character::isDigit)
                || !fraction.chars().allMatch(Character::isDigit)) {
            throw invalid(sourcePath);
        }
        try {
            int year = Integer.parseInt(v.substring(0, 4));
            int month = v.length() >= 6 ? Integer.parseInt(v.substring(4, 6)) : 1;
            int day = v.length() >= 8 ? Integer.parseInt(v.substring(6, 8)) : 1;
            int hour = v.length() >= 10 ? Integer.parseInt(v.substring(8, 10)) : 0;
            int minute = v.length() >= 12 ? Integer.parseInt(v.substring(10, 12)) : 0;
            int second = v.length() >= 14 ? Integer.parseInt(v.substring(12, 14)) : 0;
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000000").substring(0, 9));
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            return Optional.of(offset != null ? local.toInstant(offset) : local.atZone(zone).toInstant());
        } catch (java.time.DateTimeException | NumberFormatException e) {
            throw invalid(sourcePath);
        }
    }

    static Optional<LocalDate> date(String dtm, String sourcePath) {
        if (dtm.isBlank()) {
            return Optional.empty();
        }
        String v = dtm.trim();
        if (v.length() < 8 || !v.substring(0, 8).chars().allMatch(Character::isDigit)) {
            throw invalid(sourcePath);
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(v.substring(0, 4)), Integer.parseInt(v.substring(4, 6)),
                    Integer.parseInt(v.substring(6, 8))));
        } catch (java.time.DateTimeException e) {
            throw invalid(sourcePath);
        }
    }

    private static MappingException invalid(String sourcePath) {
        return new MappingException(MappingException.INVALID_VALUE, sourcePath + " is not a valid HL7 date/time");
    }
}
