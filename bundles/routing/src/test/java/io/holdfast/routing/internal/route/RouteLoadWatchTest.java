package io.holdfast.routing.internal.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.health.internal.HealthRegistry;
import io.holdfast.routing.internal.TestRouteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 point 3: the Router is offered only once the route configurations present at start are
 * applied. (A route file named with '~' is reported by the kernel: MisnamedConfigFileCheckTest.)
 */
class RouteLoadWatchTest {
    @TempDir
    Path etc;
    final RouteRegistry registry = new RouteRegistry();
    final HealthRegistry health = new HealthRegistry();
    final AtomicInteger opened = new AtomicInteger();

    RouteLoadWatch watch(Set<String> pids, Set<String> files) {
        RouteLoadWatch w = new RouteLoadWatch(registry, health, pids, files, opened::incrementAndGet);
        registry.onChange(w::check);
        w.check();
        return w;
    }

    static Map<String, Object> props(String pid, String file) {
        return Map.of("service.pid", pid, "felix.fileinstall.filename", "file:/opt/holdfast/etc/" + file);
    }

    @Test
    void theRouterWaitsForEveryRouteConfigurationPresentAtStart() {
        RouteLoadWatch w = watch(Set.of("io.holdfast.route~adt", "io.holdfast.route~lab"), Set.of("io.holdfast.route-adt.cfg"));
        assertThat(opened).hasValue(0);
        assertThat(health.components()).anySatisfy(h -> {
            assertThat(h.component()).isEqualTo(RouteLoadWatch.LOADING);
            assertThat(h.state()).isEqualTo(HealthState.DEGRADED);
        });
        new RouteComponent(registry, health, TestRouteConfig.to("epr"), props("io.holdfast.route~adt", "io.holdfast.route-adt.cfg"));
        assertThat(opened).hasValue(0);
        // An invalid configuration counts as loaded: it is applied (as DOWN), it just routes nothing.
        new RouteComponent(registry, health, new TestRouteConfig(), props("io.holdfast.route~lab", "io.holdfast.route-lab.cfg"));
        assertThat(opened).hasValue(1);
        assertThat(w.opened()).isTrue();
        assertThat(health.components()).extracting(ComponentHealth::component).doesNotContain(RouteLoadWatch.LOADING);
        registry.withdraw("io.holdfast.route~adt");
        w.timedOut();
        assertThat(opened).as("offered once").hasValue(1);
    }

    @Test
    void withNoRouteConfigurationTheRouterIsOfferedAtOnce() {
        watch(Set.of(), Set.of());
        assertThat(opened).hasValue(1);
    }

    @Test
    void aConfigurationThatNeverLoadsOpensAfterTheTimeoutAndSaysWhich() {
        RouteLoadWatch w = watch(Set.of("io.holdfast.route~adt"), Set.of("io.holdfast.route-lab.cfg"));
        new RouteComponent(registry, health, TestRouteConfig.to("epr"), props("io.holdfast.route~adt", "io.holdfast.route-adt.cfg"));
        assertThat(opened).hasValue(0);
        w.timedOut();
        assertThat(opened).hasValue(1);
        assertThat(health.components()).anySatisfy(h -> {
            assertThat(h.component()).isEqualTo(RouteLoadWatch.LOADING);
            assertThat(h.state()).isEqualTo(HealthState.DEGRADED);
            assertThat(h.detail()).contains("io.holdfast.route-lab.cfg").doesNotContain("route~adt");
        });
    }

    @Test
    void theRouteFilesTheRouterWaitsForAreTheWellNamedOnesInEtc() throws Exception {
        Files.writeString(etc.resolve("io.holdfast.route-good.cfg"), "targets=epr\n");
        Files.writeString(etc.resolve("io.holdfast.route-adt-to-epr.cfg"), "targets=epr\n");
        // Not a route configuration to Karaf (the kernel reports it); waiting for it would only delay the Router.
        Files.writeString(etc.resolve("io.holdfast.route~lab.cfg"), "targets=epr\n");
        Files.writeString(etc.resolve("io.holdfast.mllp.listener-adt.cfg"), "port=2575\n");
        assertThat(RouteConfigFiles.routeFiles(etc)).containsExactly("io.holdfast.route-adt-to-epr.cfg", "io.holdfast.route-good.cfg");
        assertThat(RouteConfigFiles.routeFiles(etc.resolve("absent"))).isEmpty();
    }

    @Test
    void aRouteIsNamedAfterItsFileAndRenamingItReplacesItsStatusLine() {
        RouteComponent c = new RouteComponent(registry, health, TestRouteConfig.to("epr"),
                props("io.holdfast.route.4f2a", "io.holdfast.route-adt.cfg"));
        assertThat(registry.routes()).extracting(RouteDefinition::name).containsExactly("adt");
        TestRouteConfig renamed = TestRouteConfig.to("gp");
        renamed.name = "adt-v2";
        c.modified(renamed, props("io.holdfast.route.4f2a", "io.holdfast.route-adt.cfg"));
        assertThat(registry.routes()).extracting(RouteDefinition::name).containsExactly("adt-v2");
        assertThat(health.components()).extracting(ComponentHealth::component).containsExactly("route:adt-v2");
        c.deactivate();
        assertThat(registry.routes()).isEmpty();
        assertThat(health.components()).isEmpty();
    }
}
