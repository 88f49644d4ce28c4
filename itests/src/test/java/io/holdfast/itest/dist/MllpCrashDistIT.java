package io.holdfast.itest.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.holdfast.mllp.protocol.MllpClient;
import io.holdfast.simulator.mllp.EprReceiver;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.fixture.LoopbackPorts;
import io.holdfast.testkit.process.DistributionTestSupport;
import io.holdfast.testkit.process.HoldfastProcess;
import io.holdfast.testkit.process.TraceOutput;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Issue 6 point 8 at distribution level: the tarball with an MLLP listener and a route to a downstream EPR
 * (the EPR simulator, in this JVM) is loaded from four PAS-like connections that wait for their ACKs, and
 * the Karaf JVM is killed with SIGKILL mid-load. After a restart on the same directory the senders resend
 * what was in flight (same MSH-10, as a PAS does) and a few messages that were ACKed already. Then:
 * every ACKed message is in the journal, the hash chain verifies, every ACKed event reached the EPR, each
 * event has exactly one NEW claim and one ACKED delivery in the journal, and the EPR saw each event under
 * one MSH-10 only (the outbound MSH-10 comes from the request id, so a second routing of the same event
 * would show as a second MSH-10 for one visit, and a retry of a delivery as the same MSH-10 again).
 */
public class MllpCrashDistIT extends DistributionTestSupport {
    private static final String LISTENER = "crash-feed";
    private static final String SOURCE = "pas-crash";
    private static final String TARGET = "epr-crash";
    private static final int CONNECTIONS = 4;
    private static final int ACKED_BEFORE_KILL = 150;
    private static final int ACKED_RESENT = 10;
    private static EprReceiver epr;
    private static int listenerPort;

    @BeforeClass
    public static void startDistribution() throws Exception {
        setUpDistribution(() -> {
            epr = new EprReceiver("127.0.0.1", 0).start();
            listenerPort = LoopbackPorts.free();
            holdfast = HoldfastProcess.unpack("mllp-crash");
            holdfast.writeConfig("io.holdfast.mllp.listener-" + LISTENER + ".cfg", Map.of("port", String.valueOf(listenerPort),
                    "bindAddress", "127.0.0.1", "sourceSystem", SOURCE));
            holdfast.writeConfig("io.holdfast.route-crash-to-epr.cfg", Map.of("sources", SOURCE, "eventTypes", "Admission",
                    "targets", TARGET, "maxAttempts", "1000", "initialBackoffMs", "100", "maxBackoffMs", "1000"));
            holdfast.start();
            holdfast.installFeatures("holdfast-mllp");
            holdfast.shell("holdfast:system-add --name \"EPR crash test\" --env dev --transport MLLP --format HL7V2:2.4"
                    + " --endpoint mllp://127.0.0.1:" + epr.port() + " --auth NONE " + TARGET);
            awaitListener();
        });
    }

    @AfterClass
    public static void stopEpr() {
        if (epr != null) {
            epr.close();
        }
    }

    @Test
    public void everyAckedMessageSurvivesKillDashNineAndIsDeliveredOnce() throws Exception {
        MllpLoad load = new MllpLoad(listenerPort);
        load.start(CONNECTIONS);
        Await.until(ACKED_BEFORE_KILL + " ACKs and deliveries under way", Duration.ofMinutes(2),
                () -> load.acked().size() >= ACKED_BEFORE_KILL && !epr.received().isEmpty(),
                () -> load.acked().size() + " ACKed, " + epr.received().size() + " delivered " + holdfast.logs());
        holdfast.kill9();
        load.awaitStopped(Duration.ofSeconds(60));
        Map<String, MllpLoad.Message> acked = new TreeMap<>(load.acked());
        Map<String, MllpLoad.Message> inFlight = new TreeMap<>(load.inFlight());
        System.out.printf("MllpCrashDistIT: killed with %d ACKed, %d in flight, %d delivered downstream%n", acked.size(),
                inFlight.size(), epr.received().size());

        holdfast.start();
        awaitListener();
        // What a PAS does after the outage: resend what was never ACKed; a careful one also resends its last ACKed ones.
        Map<String, MllpLoad.Message> resent = new LinkedHashMap<>(inFlight);
        acked.values().stream().limit(ACKED_RESENT).forEach(m -> resent.put(m.controlId(), m));
        try (MllpClient client = MllpClient.connect("127.0.0.1", listenerPort, Duration.ofSeconds(10))) {
            for (MllpLoad.Message m : resent.values()) {
                assertTrue("resent " + m.controlId() + " after the restart was not ACKed positively " + holdfast.logs(),
                        MllpLoad.send(client, m));
            }
        }
        Set<String> expectedVisits = new TreeSet<>();
        acked.values().forEach(m -> expectedVisits.add(m.visit()));
        inFlight.values().forEach(m -> expectedVisits.add(m.visit()));

        Await.until("every ACKed or resent event delivered to the EPR", Duration.ofMinutes(2),
                () -> visitsDownstream().keySet().containsAll(expectedVisits),
                () -> "missing " + missing(expectedVisits, visitsDownstream().keySet()) + "; holdfast:outbox: "
                        + holdfast.shell("holdfast:outbox") + " " + holdfast.logs());
        Await.until("the outbox drained", Duration.ofMinutes(1), () -> {
            String outbox = holdfast.shell("holdfast:outbox --target " + TARGET);
            return !outbox.contains("PENDING") && !outbox.contains("LEASED");
        }, () -> holdfast.shell("holdfast:outbox --list --target " + TARGET) + " " + holdfast.logs());

        List<TraceOutput.Entry> journal = TraceOutput.parse(holdfast.shell("holdfast:trace --system " + SOURCE + " --limit 1000000"));
        Map<String, List<TraceOutput.Entry>> byMessageId = journal.stream()
                .collect(Collectors.groupingBy(TraceOutput.Entry::messageId, TreeMap::new, Collectors.toList()));
        for (String id : acked.keySet()) {
            assertTrue("ACKed message " + id + " is not in the journal (lost) " + holdfast.logs(), byMessageId.containsKey(id));
        }
        String verify = holdfast.shell("holdfast:journal-verify");
        assertTrue("journal chain after kill -9 and restart: " + verify + " " + holdfast.logs(), verify.contains("Journal chain intact"));

        Map<String, String> visitOf = new HashMap<>();
        acked.values().forEach(m -> visitOf.put(m.controlId(), m.visit()));
        inFlight.values().forEach(m -> visitOf.put(m.controlId(), m.visit()));
        Set<String> routedVisits = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        byMessageId.forEach((id, entries) -> {
            List<TraceOutput.Entry> routed = entries.stream().filter(e -> e.claim().equals("NEW")).toList();
            if (routed.size() != 1) {
                problems.add(id + ": " + routed.size() + " NEW claims in " + entries.size() + " entries");
            } else if (routed.get(0).count("ACKED") != 1) {
                problems.add(id + ": ACKED " + routed.get(0).count("ACKED") + " times, stages " + routed.get(0).stages());
            }
            entries.stream().filter(e -> !e.claim().equals("NEW") && (e.count("ROUTED") + e.count("SENT") > 0))
                    .forEach(e -> problems.add(id + ": journal " + e.journalId() + " claim " + e.claim() + " was routed: " + e.stages()));
            if (!routed.isEmpty()) {
                routedVisits.add(visitOf.getOrDefault(id, "unknown message " + id));
            }
        });
        assertEquals("journal: each event claimed NEW once and delivered (ACKED) once " + holdfast.logs(), List.of(), problems);

        Map<String, Set<String>> downstream = visitsDownstream();
        List<String> routedTwice = downstream.entrySet().stream().filter(e -> e.getValue().size() != 1)
                .map(e -> e.getKey() + " under MSH-10s " + e.getValue()).toList();
        assertEquals("EPR: an event that arrived under more than one MSH-10 was routed twice", List.of(), routedTwice);
        assertEquals("EPR: the events delivered are exactly those claimed NEW in the journal", routedVisits, downstream.keySet());
        assertTrue("every ACKed event is in the journal as routed", routedVisits.containsAll(acked.values().stream()
                .map(MllpLoad.Message::visit).collect(Collectors.toSet())));
        assertFalse("an NHS number was written to karaf.log " + holdfast.logs(), holdfast.logsContain(MllpLoad.NHS_NUMBER));
        System.out.printf("MllpCrashDistIT: %d journal entries, %d events delivered, %d wire deliveries (retries after the kill"
                + " reuse their MSH-10)%n", journal.size(), downstream.size(), epr.received().size());
    }

    /** Visit number (PV1-19.1) → the MSH-10s the EPR received it under. */
    private static Map<String, Set<String>> visitsDownstream() {
        Map<String, Set<String>> visits = new TreeMap<>();
        for (EprReceiver.Received r : epr.received()) {
            visits.computeIfAbsent(visit(r.message()), v -> new HashSet<>()).add(r.controlId());
        }
        return visits;
    }

    private static String visit(byte[] message) {
        for (String segment : new String(message, StandardCharsets.ISO_8859_1).split("[\r\n]+")) {
            if (segment.startsWith("PV1|")) {
                String[] fields = segment.split("\\|", -1);
                return fields.length > 19 ? fields[19].split("\\^", -1)[0] : "";
            }
        }
        return "";
    }

    private static Set<String> missing(Set<String> expected, Set<String> present) {
        Set<String> m = new TreeSet<>(expected);
        m.removeAll(present);
        return m.size() > 20 ? Set.of(m.size() + " visits, e.g. " + m.iterator().next()) : m;
    }

    private static void awaitListener() throws InterruptedException {
        Await.until("MLLP listener " + LISTENER + " on port " + listenerPort, Duration.ofMinutes(1),
                () -> LoopbackPorts.listening(listenerPort),
                () -> holdfast.shellResult("holdfast:status", Duration.ofSeconds(20)) + " " + holdfast.logs());
    }
}
