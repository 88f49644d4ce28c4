package io.holdfast.simulator.pds;

import static io.holdfast.simulator.pds.PdsClient.json;
import static io.holdfast.simulator.pds.PdsClient.spineCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /Patient?…, written from specification/components/paths/patient-search.yaml. */
class PdsSearchTest {
    private static PdsSimulator sim;
    private static PdsClient client;

    @BeforeAll
    static void start() {
        sim = PdsSimulator.builder().rateLimitPerSecond(0).start();
        client = new PdsClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static List<String> ids(HttpResponse<String> r) {
        List<String> ids = new ArrayList<>();
        json(r).path("entry").forEach(e -> ids.add(e.path("resource").path("id").asText()));
        return ids;
    }

    private static double score(HttpResponse<String> r) {
        return json(r).path("entry").path(0).path("search").path("score").asDouble();
    }

    @Test
    void exactSearchIsASearchsetBundleWithScoreOne() {
        HttpResponse<String> r = client.get("/Patient?family=Smith&gender=female&birthdate=eq2010-10-22");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode bundle = json(r);
        assertThat(bundle.path("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.path("type").asText()).isEqualTo("searchset");
        assertThat(bundle.path("timestamp").asText()).endsWith("+00:00");
        assertThat(bundle.path("total").asInt()).isEqualTo(1);
        assertThat(ids(r)).containsExactly("9000000009");
        assertThat(score(r)).isEqualTo(1.0);
        assertThat(bundle.path("entry").path(0).path("fullUrl").asText()).isEqualTo(sim.fhirBaseUrl() + "/Patient/9000000009");
    }

    @Test
    void searchIsNotCaseSensitiveAndIgnoresPostcodeSpaces() {
        assertThat(ids(client.get("/Patient?family=SMITH&birthdate=2010-10-22&address-postalcode=ls16ae"))).containsExactly("9000000009");
    }

    @Test
    void wildcardAndDateRangeMatchesScoreBelowOne() {
        HttpResponse<String> wildcard = client.get("/Patient?family=Sm*&gender=female&birthdate=eq2010-10-22");
        assertThat(ids(wildcard)).containsExactly("9000000009");
        assertThat(score(wildcard)).isLessThan(1.0);
        HttpResponse<String> range = client.get("/Patient?family=Smith&birthdate=ge2010-10-21&birthdate=le2010-10-23");
        assertThat(ids(range)).containsExactly("9000000009");
        assertThat(score(range)).isLessThan(1.0);
    }

    @Test
    void resultsAreOrderedBestScoreFirst() {
        sim.patients().put(copyOf("9000000009", "9000000092", "Smyth"));
        HttpResponse<String> r = client.get("/Patient?_fuzzy-match=true&family=Smith&given=Jane&birthdate=eq2010-10-22");
        assertThat(ids(r)).containsExactly("9000000009", "9000000092");
        assertThat(json(r).path("entry").path(1).path("search").path("score").asDouble()).isLessThan(score(r));
        sim.patients().invalidate("9000000092");
    }

    @Test
    void fuzzySearchMatchesHomophonesAndTransposedNames() {
        HttpResponse<String> homophone = client.get("/Patient?_fuzzy-match=true&family=Smyth&given=Jane&birthdate=eq2010-10-22");
        assertThat(ids(homophone)).containsExactly("9000000009");
        assertThat(score(homophone)).isBetween(0.0, 0.99);
        HttpResponse<String> transposed = client.get("/Patient?_fuzzy-match=true&family=Jane&given=Smith&birthdate=eq2010-10-22");
        assertThat(ids(transposed)).containsExactly("9000000009");
        assertThat(ids(client.get("/Patient?family=Smyth&given=Jane&birthdate=eq2010-10-22"))).as("not fuzzy").isEmpty();
    }

    @Test
    void exactMatchKeepsOnlyScoreOne() {
        assertThat(ids(client.get("/Patient?_exact-match=true&family=Sm*&birthdate=eq2010-10-22"))).isEmpty();
        assertThat(ids(client.get("/Patient?_exact-match=true&family=Smith&birthdate=eq2010-10-22"))).containsExactly("9000000009");
    }

    @Test
    void historicNamesMatchOnlyWithHistory() {
        assertThat(ids(client.get("/Patient?family=Jones&birthdate=eq2010-10-22"))).isEmpty();
        HttpResponse<String> r = client.get("/Patient?_history=true&family=Jones&birthdate=eq2010-10-22");
        assertThat(ids(r)).containsExactly("9000000009");
        assertThat(score(r)).isLessThan(1.0);
    }

    @Test
    void noMatchIsAnEmptyBundle() {
        HttpResponse<String> r = client.get("/Patient?family=Nobody&birthdate=eq1901-01-01");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("total").asInt()).isZero();
        assertThat(json(r).has("entry")).isFalse();
    }

    @Test
    void moreMatchesThanMaxResultsIs200WithTooManyMatches() {
        sim.patients().put(copyOf("9000000009", "9000000106", "Smith"));
        HttpResponse<String> r = client.get("/Patient?family=Smith&birthdate=eq2010-10-22&_max-results=1");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("resourceType").asText()).isEqualTo("OperationOutcome");
        assertThat(spineCode(r)).isEqualTo("TOO_MANY_MATCHES");
        assertThat(ids(client.get("/Patient?family=Smith&birthdate=eq2010-10-22&_max-results=2"))).hasSize(2);
        sim.patients().invalidate("9000000106");
    }

    @Test
    void restrictedPatientIsFoundByNameWithLocationFieldsRemoved() {
        HttpResponse<String> r = client.get("/Patient?family=Smythe&given=Janet&gender=female&birthdate=eq2005-06-16");
        assertThat(ids(r)).containsExactly("9000000025");
        JsonNode p = json(r).path("entry").path(0).path("resource");
        assertThat(p.has("address") || p.has("telecom") || p.has("contact") || p.has("generalPractitioner")).isFalse();
    }

    @Test
    void restrictedPatientsAreNeverReturnedForPostcodeOrGpSearches() {
        assertThat(ids(client.get("/Patient?family=Smythe&birthdate=eq2005-06-16&address-postalcode=LS11%206AD"))).isEmpty();
        assertThat(ids(client.get("/Patient?family=Smythe&birthdate=eq2005-06-16&general-practitioner=Y12345"))).isEmpty();
        assertThat(ids(client.get("/Patient?family=Smith&birthdate=eq2010-10-22&general-practitioner=Y12345")))
                .containsExactly("9000000009");
    }

    @Test
    void invalidatedAndSupersededNumbersAreNotSearchResults() {
        assertThat(ids(client.get("/Patient?family=Smith&given=Jane&birthdate=eq2010-10-22"))).doesNotContain("9000000076");
        assertThat(ids(client.get("/Patient?family=Med&birthdate=eq1999-09-09"))).isEmpty();
        assertThat(ids(client.get("/Patient?family=Hume&birthdate=eq1999-09-09"))).containsExactly("9000000068");
    }

    @Test
    void searchResultsCarryOnlyTheSearchDataSet() {
        JsonNode p = json(client.get("/Patient?_history=true&family=Smith&birthdate=eq2010-10-22")).path("entry").path(0).path("resource");
        assertThat(p.path("name")).hasSize(1);
        assertThat(p.path("address")).hasSize(1);
        assertThat(p.path("address").path(0).path("use").asText()).isEqualTo("home");
        assertThat(p.path("extension").toString()).doesNotContain("birthPlace", "NominatedPharmacy", "NHSCommunication");
    }

    @Test
    void applicationRestrictedCallersGetOneResultAndMayNotAskForMore() {
        try (PdsSimulator appOnly = PdsSimulator.builder().rateLimitPerSecond(0)
                .callers(t -> Optional.of(PdsCaller.applicationRestricted("app"))).start()) {
            PdsClient app = new PdsClient(appOnly).with("Authorization", "Bearer t");
            HttpResponse<String> more = app.get("/Patient?family=Smith&birthdate=eq2010-10-22&_max-results=2");
            assertThat(more.statusCode()).isEqualTo(403);
            assertThat(spineCode(more)).isEqualTo("INVALID_VALUE");
            appOnly.patients().put(copyOf("9000000009", "9000000114", "Smith"));
            assertThat(spineCode(app.get("/Patient?family=Smith&birthdate=eq2010-10-22"))).isEqualTo("TOO_MANY_MATCHES");
        }
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "|400|UNSUPPORTED_SERVICE",
        "family=Smith&birthdate=eq2010-10-22&pets=1|400|ADDITIONAL_PROPERTIES",
        "family=Smith|400|MISSING_VALUE",
        "given=Jane&birthdate=eq2010-10-22|400|INVALID_SEARCH_DATA",
        "_fuzzy-match=true&family=Smith&birthdate=eq2010-10-22|400|INVALID_SEARCH_DATA",
        "family=Smith&birthdate=22-10-2010|400|INVALID_VALUE",
        "family=Smith&birthdate=eq2010-10-22&death-date=xx2010-10-22|400|INVALID_VALUE",
        "family=Smith&birthdate=eq2010-10-22&gender=mal|400|INVALID_VALUE",
        "family=Smith&birthdate=eq2010-10-22&_max-results=0|400|INVALID_VALUE",
        "family=Smith&birthdate=eq2010-10-22&_max-results=51|400|INVALID_VALUE",
        "family=Smith&birthdate=eq2010-10-22&_max-results=ten|400|INVALID_VALUE",
        "family=Smith&birthdate=eq2010-10-22&_exact-match=yes|400|INVALID_VALUE",
        "family=S*&birthdate=eq2010-10-22|400|INVALID_SEARCH_DATA",
        "_fuzzy-match=true&family=Sm*&given=Jane&birthdate=eq2010-10-22|400|INVALID_SEARCH_DATA",
    })
    void invalidSearchesAreRefusedWithThePublishedCodes(String query, int status, String code) {
        HttpResponse<String> r = client.get("/Patient" + (query == null ? "" : "?" + query));
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(spineCode(r)).isEqualTo(code);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode copyOf(String from, String id, String family) {
        var copy = sim.patients().record(from).orElseThrow();
        copy.put("id", id);
        ((com.fasterxml.jackson.databind.node.ObjectNode) copy.path("name").path(0)).put("family", family);
        return copy;
    }
}
