package io.holdfast.examples.pathology.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedLabTest {
    private static final String KEY = "lab-test-key";
    private final HttpClient http = HttpClient.newHttpClient();
    private SimulatedLab lab;

    @BeforeEach
    void start() {
        lab = SimulatedLab.builder().apiKey(KEY).start();
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    @Test
    void refusesAMissingOrWrongKey() throws Exception {
        assertThat(get("/results", null).statusCode()).isEqualTo(401);
        assertThat(get("/results", "wrong").statusCode()).isEqualTo(401);
        assertThat(lab.resultRequests()).isZero();
    }

    @Test
    void pagesResultsAfterTheCursorWithTheNextCursorInAHeader() throws Exception {
        for (int i = 1; i <= 3; i++) {
            lab.feed().publish(LabResultRow.result("A" + i, "9434765919", "1000651000000109", "Serum potassium", "4." + i, "mmol/L"));
        }
        HttpResponse<String> first = get("/results?limit=2", KEY);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("text/csv; charset=utf-8");
        assertThat(first.headers().firstValue("X-Next-Cursor")).hasValue("c2");
        assertThat(first.body().split("\r\n")).hasSize(3);
        assertThat(first.body()).startsWith("accession_number,nhs_number,");
        HttpResponse<String> rest = get("/results?since=c2&limit=2", KEY);
        assertThat(rest.body().split("\r\n")).hasSize(2);
        assertThat(rest.body()).contains("A3,");
        assertThat(rest.headers().firstValue("X-Next-Cursor")).hasValue("c3");
        HttpResponse<String> none = get("/results?since=c3", KEY);
        assertThat(none.body()).isEqualTo(CsvText.header());
        assertThat(none.headers().firstValue("X-Next-Cursor")).hasValue("c3");
        assertThat(lab.lastSince()).isEqualTo("c3");
    }

    @Test
    void quotesCellsWithCommasQuotesAndLineBreaks() throws Exception {
        lab.feed().publish(LabResultRow.result("A1", "9434765919", "X1", "Comment, free \"text\"", "see\nnote", ""));
        String body = get("/results", KEY).body();
        assertThat(body).contains(",\"Comment, free \"\"text\"\"\",\"see\nnote\",");
    }

    @Test
    void answersInjectedFaultsAfterTheKeyCheck() throws Exception {
        lab.faults().throttleNext(1, 7);
        lab.faults().failNext(1, 500);
        HttpResponse<String> throttled = get("/results", KEY);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(get("/results", KEY).statusCode()).isEqualTo(500);
        assertThat(get("/results", KEY).statusCode()).isEqualTo(200);
        assertThat(lab.resultRequests()).isEqualTo(3);
    }

    @Test
    void refusesCursorsItNeverIssuedAndLimitsOutOfRange() throws Exception {
        assertThat(get("/results?since=zz", KEY).statusCode()).isEqualTo(400);
        assertThat(get("/results?limit=0", KEY).statusCode()).isEqualTo(400);
        assertThat(get("/results?limit=1001", KEY).statusCode()).isEqualTo(400);
    }

    @Test
    void publishesPostedLinesAsWritten() throws Exception {
        String body = CsvText.header() + "A9,9434765919,\"unterminated\r\n";
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(lab.baseUrl() + "/admin/results")).header("apikey", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(200);
        assertThat(get("/results", KEY).body()).endsWith("A9,9434765919,\"unterminated\r\n");
        HttpResponse<String> noHeader = http.send(HttpRequest.newBuilder(URI.create(lab.baseUrl() + "/admin/results")).header("apikey", KEY)
                .POST(HttpRequest.BodyPublishers.ofString("A1,2\r\n")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(noHeader.statusCode()).isEqualTo(400);
    }

    @Test
    void demoResultsUseValidTestRangeNhsNumbersAndRepublishSomeResults() {
        DemoResults demo = new DemoResults(3);
        for (int i = 0; i < 200; i++) {
            String n = demo.nhsNumber();
            assertThat(n).hasSize(10).startsWith("9");
            int sum = 0;
            for (int d = 0; d < 9; d++) {
                sum += (n.charAt(d) - '0') * (10 - d);
            }
            assertThat((11 - sum % 11) % 11).isEqualTo(n.charAt(9) - '0');
        }
        ResultFeed feed = new ResultFeed();
        for (int i = 0; i < 60; i++) {
            demo.publishNext(feed, Instant.parse("2026-12-01T10:00:00Z"));
        }
        assertThat(feed.after(0, 100)).hasSize(60).anyMatch(e -> e.csvLine().contains(",corrected,"));
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(lab.baseUrl() + path)).GET();
        if (key != null) {
            b.header("apikey", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
