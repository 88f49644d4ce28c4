package io.holdfast.simulator.pds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PopulationTest {

    @Test
    void theSameSeedGivesTheSamePatientsAndAnotherSeedOthers() {
        List<ObjectNode> a = PopulationGenerator.generate(42, 200);
        assertThat(a).hasSize(200).isEqualTo(PopulationGenerator.generate(42, 200));
        assertThat(PopulationGenerator.generate(43, 200)).isNotEqualTo(a);
    }

    @Test
    void everyNumberIsValidUniqueAndAwayFromTheSandboxNumbers() {
        List<String> ids = PopulationGenerator.generate(7, 1000).stream().map(p -> p.path("id").asText()).toList();
        assertThat(ids).allMatch(NhsNumbers::isValid).doesNotHaveDuplicates().allMatch(id -> id.startsWith("97"));
    }

    @Test
    void aLoadedPopulationIsRetrievableAndSearchable() {
        try (PdsSimulator sim = PdsSimulator.builder().rateLimitPerSecond(0).population(3, 500).start()) {
            ObjectNode first = PopulationGenerator.generate(3, 1).get(0);
            PdsClient client = new PdsClient(sim);
            assertThat(client.get("/Patient/" + first.path("id").asText()).statusCode()).isEqualTo(200);
            String q = "/Patient?family=" + first.path("name").path(0).path("family").asText() + "&birthdate=eq"
                    + first.path("birthDate").asText();
            assertThat(PdsClient.json(client.get(q)).path("entry").toString()).contains(first.path("id").asText());
            assertThat(sim.patients().size()).isEqualTo(500 + 7);
        }
    }
}
