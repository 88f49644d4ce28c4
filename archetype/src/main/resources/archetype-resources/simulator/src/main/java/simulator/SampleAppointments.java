package ${package}.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Made-up appointments in the protocol's message format. NHS numbers are from the test range (starting with 9) with a
 * valid Modulus 11 check digit, computed here independently of Holdfast.
 */
public final class SampleAppointments {
    private SampleAppointments() {
    }

    /** The {@code n}-th sample message (stable for a given n). */
    public static String message(int n, String issuer, Instant sentAt) {
        return "appointmentId=APT-" + (1000 + n) + "\n"
                + "issuer=" + issuer + "\n"
                + "nhsNumber=" + testNhsNumber(n) + "\n"
                + "start=" + sentAt.truncatedTo(ChronoUnit.HOURS).plus(n + 24L, ChronoUnit.HOURS) + "\n"
                + "durationMinutes=20\n"
                + "location=Outpatients " + (1 + n % 5) + "\n"
                + "status=booked\n"
                + "sentAt=" + sentAt + "\n";
    }

    /** A 10-digit test-range NHS number derived from {@code seed}, with a valid check digit. */
    public static String testNhsNumber(int seed) {
        for (long candidate = 900_000_000L + (seed * 7_919L) % 99_999_999L; ; candidate++) {
            String nine = Long.toString(candidate);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                return nine + check;
            }
        }
    }
}
