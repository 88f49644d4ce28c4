package io.holdfast.examples.pathology.simulator;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic results for demos: NHS test-range patients (9xx, valid check digit), a handful of common
 * tests, and now and then a re-sent or corrected result, as a real LIMS publishes them. The same seed
 * gives the same sequence.
 */
public final class DemoResults {
    private static final String[][] TESTS = {
        {"1000661000000107", "Serum sodium", "mmol/L", "133-146", "140"},
        {"1000651000000109", "Serum potassium", "mmol/L", "3.5-5.3", "4.4"},
        {"1022431000000105", "Haemoglobin", "g/L", "115-165", "131"},
        {"1000731000000107", "Serum creatinine", "umol/L", "45-84", "71"},
    };
    private static final String[] FAMILY = {"ASHWORTH", "BRENNAN", "CHOWDHURY", "DIAZ", "EVANS", "OKAFOR"};
    private static final String[] GIVEN = {"Ada", "Ben", "Chloe", "Dev", "Erin", "Femi"};
    private final Random random;
    private final List<LabResultRow> published = new ArrayList<>();
    private long accession = 26_000_000L;

    public DemoResults(long seed) {
        this.random = new Random(seed);
    }

    /** Publishes the next demo result into {@code feed}: mostly new results, one in ten a correction, one in ten a re-send. */
    public long publishNext(ResultFeed feed, Instant now) {
        int roll = random.nextInt(10);
        if (roll == 0 && !published.isEmpty()) {
            LabResultRow earlier = published.get(random.nextInt(published.size()));
            LabResultRow corrected = earlier.corrected(bump(earlier.value()), now.truncatedTo(ChronoUnit.SECONDS).toString());
            published.add(corrected);
            return feed.publish(corrected);
        }
        if (roll == 1 && !published.isEmpty()) {
            return feed.publish(published.get(random.nextInt(published.size())));
        }
        String[] test = TESTS[random.nextInt(TESTS.length)];
        String observed = now.minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        LabResultRow row = new LabResultRow("L" + (++accession), nhsNumber(), FAMILY[random.nextInt(FAMILY.length)],
                GIVEN[random.nextInt(GIVEN.length)], (1940 + random.nextInt(60)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10),
                test[0], "http://snomed.info/sct", test[1], test[4], test[2], test[3], "N", "final", observed,
                now.truncatedTo(ChronoUnit.SECONDS).toString());
        published.add(row);
        return feed.publish(row);
    }

    private static String bump(String value) {
        try {
            return new java.math.BigDecimal(value).add(java.math.BigDecimal.ONE).toPlainString();
        } catch (NumberFormatException e) {
            return value + " (amended)";
        }
    }

    /** A number in the NHS test range (starting 9) with a valid Modulus 11 check digit. */
    String nhsNumber() {
        while (true) {
            StringBuilder digits = new StringBuilder("9");
            for (int i = 1; i < 9; i++) {
                digits.append(random.nextInt(10));
            }
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return digits.append(check).toString();
            }
        }
    }
}
