package io.holdfast.simulator.mllp;

import java.util.Random;

/** Made-up patients with valid NHS numbers from the test range (9xxxxxxxxx, Modulus 11). */
final class TestPatients {
    private static final String[] FAMILY = {"SMITH", "JONES", "TAYLOR", "BROWN", "WILLIAMS", "WILSON", "JOHNSON", "DAVIES", "PATEL",
        "ROBINSON", "WRIGHT", "THOMPSON", "EVANS", "WALKER", "WHITE", "ROBERTS", "GREEN", "HALL", "KHAN", "O'BRIEN"};
    private static final String[] GIVEN_F = {"OLIVIA", "AMELIA", "ISLA", "AVA", "EMILY", "SOPHIE", "GRACE", "MIA", "POPPY", "ELLA"};
    private static final String[] GIVEN_M = {"OLIVER", "GEORGE", "HARRY", "JACK", "JACOB", "NOAH", "CHARLIE", "MUHAMMAD", "THOMAS", "OSCAR"};
    private static final String[] STREETS = {"HIGH STREET", "STATION ROAD", "CHURCH LANE", "MILL LANE", "PARK AVENUE", "VICTORIA ROAD"};
    private static final String[][] TOWNS = {{"LEEDS", "LS"}, {"BRADFORD", "BD"}, {"WAKEFIELD", "WF"}, {"YORK", "YO"}, {"HARROGATE", "HG"}};
    private static final String[] PRACTICES = {"B86001", "B86002", "B82005", "B87002", "B83010"};

    record Person(String nhsNumber, String mrn, String family, String given, String sex, String birthDate, String address,
                  String phone, String practice) {
    }

    private TestPatients() {
    }

    static Person next(Random r, int n) {
        boolean female = r.nextBoolean();
        String[] town = TOWNS[r.nextInt(TOWNS.length)];
        String postcode = town[1] + (1 + r.nextInt(20)) + " " + (1 + r.nextInt(9)) + (char) ('A' + r.nextInt(26)) + (char) ('A' + r.nextInt(26));
        String address = (1 + r.nextInt(200)) + " " + STREETS[r.nextInt(STREETS.length)] + "^^" + town[0] + "^^" + postcode + "^GBR^H";
        String birth = String.format("%04d%02d%02d", 1930 + r.nextInt(90), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String phone = "0113" + (2000000 + r.nextInt(7999999));
        return new Person(nhsNumber(r), String.format("RX%07d", n), FAMILY[r.nextInt(FAMILY.length)],
                female ? GIVEN_F[r.nextInt(GIVEN_F.length)] : GIVEN_M[r.nextInt(GIVEN_M.length)], female ? "F" : "M", birth, address,
                phone, PRACTICES[r.nextInt(PRACTICES.length)]);
    }

    /** A random valid test-range NHS number. */
    static String nhsNumber(Random r) {
        while (true) {
            StringBuilder d = new StringBuilder("9");
            for (int i = 1; i < 9; i++) {
                d.append(r.nextInt(10));
            }
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (d.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return d.append(check).toString();
            }
        }
    }
}
