package io.holdfast.routing.internal.route;

import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when the Router may be offered: once every route configuration present at start (by
 * ConfigAdmin PID, and by file in {@code ${karaf.etc}}) has been applied, validly or not; or, if one
 * never is, after a timeout with a WARN and a DEGRADED status naming what is missing (Intake in
 * require-route mode then refuses what no loaded route takes, so opening late acknowledges nothing
 * wrongly).
 */
public final class RouteLoadWatch {
    private static final Logger LOG = LoggerFactory.getLogger(RouteLoadWatch.class);
    static final String LOADING = "routing-start";

    private final RouteRegistry registry;
    private final Health health;
    private final Set<String> pids;
    private final Set<String> files;
    private final Runnable open;
    private final AtomicBoolean opened = new AtomicBoolean();

    /**
     * @param pids  route configuration PIDs ConfigAdmin holds at start
     * @param files well-named route files in {@code ${karaf.etc}} at start
     * @param open  offers the Router (called once)
     */
    public RouteLoadWatch(RouteRegistry registry, Health health, Set<String> pids, Set<String> files, Runnable open) {
        this.registry = registry;
        this.health = health;
        this.pids = Set.copyOf(pids);
        this.files = Set.copyOf(files);
        this.open = open;
        health.report(LOADING, HealthState.DEGRADED, "loading " + (pids.size() + files.size()) + " route configuration(s); "
                + "Intake refuses input until they are loaded");
    }

    /** Opens if everything expected has been applied; call after every registry change. */
    public void check() {
        if (!opened.get() && registry.notApplied(pids, files).isEmpty()) {
            openOnce("all " + registry.routes().size() + " route(s) present at start are loaded");
        }
    }

    /** The load deadline passed: open anyway, and say loudly what never loaded. */
    public void timedOut() {
        Set<String> missing = registry.notApplied(pids, files);
        if (opened.get() || missing.isEmpty()) {
            check();
            return;
        }
        String detail = "route configuration(s) never loaded: " + missing + "; Router offered without them "
                + "(check holdfast:routes and the log)";
        LOG.warn("{}", detail);
        if (opened.compareAndSet(false, true)) {
            health.report(LOADING, HealthState.DEGRADED, detail);
            open.run();
        }
    }

    public boolean opened() {
        return opened.get();
    }

    private void openOnce(String why) {
        if (opened.compareAndSet(false, true)) {
            LOG.info("Router offered: {}", why);
            health.remove(LOADING);
            open.run();
        }
    }
}
