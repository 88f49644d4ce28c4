package io.holdfast.simulator.pds;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic synthetic population for load: the same seed and size always give the same
 * patients. NHS numbers start at 9700000000 (Modulus 11 valid, away from the sandbox numbers); about
 * one in fifty is restricted. Names and places are invented from short lists, so many people share
 * a surname and date of birth — good for exercising scores and too-many-matches.
 */
final class PopulationGenerator {
    private static final String[] FAMILY = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
        "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Khan", "Lewis"};
    private static final String[] GIVEN_F = {"Olivia", "Amelia", "Isla", "Ava", "Mia", "Grace", "Freya", "Lily", "Emily", "Sophia"};
    private static final String[] GIVEN_M = {"Oliver", "George", "Harry", "Noah", "Jack", "Leo", "Arthur", "Muhammad", "Oscar", "Charlie"};
    private static final String[] TOWNS = {"Leeds:LS", "York:YO", "Sheffield:S", "Bradford:BD", "Hull:HU", "Doncaster:DN"};
    private static final String[] PRACTICES = {"B82005", "B83001", "B86010", "C84001", "Y12345", "A20047"};
    private static final long FIRST = 970_000_000L;

    private PopulationGenerator() {
    }

    static List<ObjectNode> generate(long seed, int size) {
        if (size < 0) {
            throw new IllegalArgumentException("population size must not be negative: " + size);
        }
        Random random = new Random(seed);
        List<ObjectNode> patients = new ArrayList<>(size);
        long nine = FIRST;
        while (patients.size() < size) {
            String digits = Long.toString(nine++);
            int check = NhsNumbers.checkDigit(digits);
            if (check >= 0) {
                patients.add(patient(digits + check, random));
            }
        }
        return patients;
    }

    private static ObjectNode patient(String nhs, Random random) {
        boolean female = random.nextBoolean();
        String[] town = TOWNS[random.nextInt(TOWNS.length)].split(":");
        ObjectNode p = JsonNodeFactory.instance.objectNode().put("resourceType", "Patient").put("id", nhs);
        p.putArray("identifier").addObject().put("system", "https://fhir.nhs.uk/Id/nhs-number").put("value", nhs);
        boolean restricted = random.nextInt(50) == 0;
        ObjectNode meta = p.putObject("meta").put("versionId", "1");
        meta.putArray("security").addObject().put("system", "http://terminology.hl7.org/CodeSystem/v3-Confidentiality")
                .put("code", restricted ? "R" : "U").put("display", restricted ? "restricted" : "unrestricted");
        ObjectNode name = p.putArray("name").addObject().put("id", "N" + nhs.substring(6)).put("use", "usual")
                .put("family", FAMILY[random.nextInt(FAMILY.length)]);
        name.putArray("given").add(female ? GIVEN_F[random.nextInt(GIVEN_F.length)] : GIVEN_M[random.nextInt(GIVEN_M.length)]);
        p.put("gender", female ? "female" : "male");
        p.put("birthDate", LocalDate.of(1930, 1, 1).plusDays(random.nextInt(365 * 90)).toString());
        ObjectNode address = p.putArray("address").addObject().put("id", "A" + nhs.substring(6)).put("use", "home");
        address.putArray("line").add((1 + random.nextInt(200)) + " High Street").add(town[0]);
        address.put("postalCode", town[1] + (1 + random.nextInt(20)) + " " + (1 + random.nextInt(9)) + (char) ('A' + random.nextInt(26))
                + (char) ('A' + random.nextInt(26)));
        p.putArray("generalPractitioner").addObject().put("type", "Organization").putObject("identifier")
                .put("system", "https://fhir.nhs.uk/Id/ods-organization-code").put("value", PRACTICES[random.nextInt(PRACTICES.length)]);
        return p;
    }
}
