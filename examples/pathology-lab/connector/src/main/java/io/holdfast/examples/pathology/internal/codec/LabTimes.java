package io.holdfast.examples.pathology.internal.codec;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The feed's timestamps: ISO-8601 with an offset, or local date-time in the lab's time zone. */
final class LabTimes {
    private final ZoneId zone;

    LabTimes(ZoneId zone) {
        this.zone = zone;
    }

    Optional<Instant> instant(LabCsvRow row, String column) {
        String text = row.cell(column);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException withoutOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text).atZone(zone).toInstant());
            } catch (DateTimeParseException e) {
                throw new RowProblem(RowProblem.INVALID_VALUE, "column '" + column
                        + "' is not an ISO-8601 date-time (2026-12-01T09:30:00Z, or local 2026-12-01T09:30:00)");
            }
        }
    }
}
