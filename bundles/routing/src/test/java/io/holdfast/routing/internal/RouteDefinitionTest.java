package io.holdfast.routing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.WireFormat;
import io.holdfast.health.internal.HealthRegistry;
import io.holdfast.routing.internal.route.RouteComponent;
import io.holdfast.routing.internal.route.RouteDefinition;
import io.holdfast.routing.internal.route.RouteRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteDefinitionTest {
    static final String PID = "io.holdfast.route~adt";
    static final Envelope PAS = new Envelope("M1", Optional.empty(), "pas", "mllp:adt-feed", Instant.now(), WireFormat.hl7v2("2.4"),
            Map.of("ward", "W12"));

    static InvalidConfigurationException invalid(TestRouteConfig c) {
        return (InvalidConfigurationException) org.assertj.core.api.Assertions.catchThrowable(() -> RouteDefinition.from(PID, "adt", c));
    }

    @Test
    void headersAreNameValuePairsAndTheRequestIdIsReserved() {
        TestRouteConfig ok = TestRouteConfig.to("epr");
        ok.headers = new String[] {"mllp.onAE=DEAD_LETTER", "mex-WorkflowID=PATH_REPORT"};
        assertThat(RouteDefinition.from(PID, "adt", ok).headers())
                .containsExactlyInAnyOrderEntriesOf(Map.of("mllp.onAE", "DEAD_LETTER", "mex-WorkflowID", "PATH_REPORT"));

        TestRouteConfig bad = TestRouteConfig.to("epr");
        bad.headers = new String[] {"no equals sign"};
        assertThat(invalid(bad).key()).isEqualTo("headers");
        assertThat(invalid(bad).getMessage()).contains("name=value").contains("no equals sign");
        bad.headers = new String[] {"X-Request-ID=mine"};
        assertThat(invalid(bad).getMessage()).contains("X-Request-ID is set by Holdfast");
    }

    @Test
    void missingTargetsNameTheKeyAndWhatIsAllowed() {
        InvalidConfigurationException e = invalid(new TestRouteConfig());
        assertThat(e.pid()).isEqualTo(PID);
        assertThat(e.key()).isEqualTo("targets");
        assertThat(e.getMessage()).contains("is missing").contains("inventory system ids");
    }

    @Test
    void outOfRangeNumbersAreRejectedWithTheirBounds() {
        TestRouteConfig c = TestRouteConfig.to("epr");
        c.maxAttempts = 0;
        assertThat(invalid(c).key()).isEqualTo("maxAttempts");
        c = TestRouteConfig.to("epr");
        c.initialBackoffMs = 5000;
        c.maxBackoffMs = 1000;
        assertThat(invalid(c)).satisfies(e -> {
            assertThat(e.key()).isEqualTo("maxBackoffMs");
            assertThat(e.allowed()).isEqualTo("an integer from 5000 to 86400000");
        });
        c = TestRouteConfig.to("epr");
        c.outboxDepthLimit = 0;
        assertThat(invalid(c).key()).isEqualTo("outboxDepthLimit");
    }

    @Test
    void badTargetIdsAndFiltersAreRejected() {
        assertThat(invalid(TestRouteConfig.to("epr", "no spaces")).key()).isEqualTo("targets");
        TestRouteConfig c = TestRouteConfig.to("epr");
        c.filter = "colour=red";
        assertThat(invalid(c)).satisfies(e -> {
            assertThat(e.key()).isEqualTo("filter");
            assertThat(e.getMessage()).contains("unknown key 'colour'");
        });
        c.filter = "subject=maybe";
        assertThat(invalid(c).key()).isEqualTo("filter");
        c.filter = "justtext";
        assertThat(invalid(c).key()).isEqualTo("filter");
    }

    @Test
    void sourcesEventTypesAndFilterSelectEvents() {
        TestRouteConfig c = TestRouteConfig.to("epr, gp");
        c.sources = new String[] {"mllp:adt-feed"};
        c.eventTypes = new String[] {"Admission", "Discharge"};
        c.filter = "attr.ward=W1*, subject!=nhs, format=HL7V2";
        RouteDefinition r = RouteDefinition.from(PID, "adt", c);
        assertThat(r.targets()).containsExactly("epr", "gp");
        assertThat(r.matches(PAS, LineCodec.admission("P1", "V1", "Smith"))).isTrue();
        Envelope otherWard = new Envelope("M2", Optional.empty(), "pas", "mllp:adt-feed", Instant.now(), WireFormat.hl7v2("2.4"),
                Map.of("ward", "W2"));
        assertThat(r.matches(otherWard, LineCodec.admission("P1", "V1", "Smith"))).isFalse();
        Envelope otherSource = Envelope.of("M3", "lab", "mllp:lab-feed", WireFormat.hl7v2("2.4"));
        assertThat(r.matches(otherSource, LineCodec.admission("P1", "V1", "Smith"))).isFalse();
    }

    @Test
    void theRegistryGivesOneTargetPerSystemAndTheStrictestDepthLimit() {
        RouteRegistry registry = new RouteRegistry();
        TestRouteConfig a = TestRouteConfig.to("epr");
        a.ordered = true;
        a.outboxDepthLimit = 500;
        TestRouteConfig b = TestRouteConfig.to("epr", "gp");
        b.outboxDepthLimit = 100;
        registry.add(RouteDefinition.from(PID, "a-adt", a));
        registry.add(RouteDefinition.from(PID, "b-all", b));
        assertThat(registry.targets(PAS, LineCodec.admission("P1", "V1", "Smith")))
                .containsExactly(new Router.Target("a-adt", "epr", true), new Router.Target("b-all", "gp", false));
        assertThat(registry.depthLimit("epr")).hasValue(100);
        assertThat(registry.depthLimit("nowhere")).isEmpty();
        registry.remove("a-adt");
        assertThat(registry.targets(PAS, LineCodec.admission("P1", "V1", "Smith"))).extracting(Router.Target::routeId)
                .containsOnly("b-all");
    }

    @Test
    void anInvalidConfigurationIsShownInStatusAndRoutesNothing() {
        RouteRegistry registry = new RouteRegistry();
        HealthRegistry health = new HealthRegistry();
        TestRouteConfig c = new TestRouteConfig();
        new RouteComponent(registry, health, c, Map.of("service.pid", "io.holdfast.route~adt-to-epr"));
        assertThat(registry.routes()).isEmpty();
        assertThat(health.components()).singleElement().satisfies(h -> {
            assertThat(h.component()).isEqualTo("route:adt-to-epr");
            assertThat(h.state()).isEqualTo(HealthState.DOWN);
            assertThat(h.detail()).contains("HF-200").contains("io.holdfast.route~adt-to-epr").contains("'targets'");
        });
        RouteComponent valid = new RouteComponent(registry, health, TestRouteConfig.to("epr"),
                Map.of("service.pid", "io.holdfast.route.4f2a", "felix.fileinstall.filename", "file:/opt/etc/io.holdfast.route-lab.cfg"));
        assertThat(registry.routes()).extractingResultOf("name").containsExactly("lab");
        assertThat(health.components()).anySatisfy(h -> {
            assertThat(h.component()).isEqualTo("route:lab");
            assertThat(h.state()).isEqualTo(HealthState.UP);
        });
        assertThatThrownBy(() -> registry.routes().add(null)).isInstanceOf(UnsupportedOperationException.class);
        valid.getClass();
    }
}
