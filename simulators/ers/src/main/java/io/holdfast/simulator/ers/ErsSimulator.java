package io.holdfast.simulator.ers;

import io.holdfast.simulator.apim.http.SimulatorHttpServer;

/**
 * NHS England's e-Referral Service FHIR API over plain HTTP under the published base path {@code /referrals/FHIR}:
 * the STU3 referral endpoints a provider Trust uses and referral creation. Start with {@link #start(ErsSimulatorConfig)},
 * stop with {@link #close()}; runs standalone with {@link #main}.
 */
public final class ErsSimulator implements AutoCloseable {
    private final ReferralStore referrals = new ReferralStore();
    private final ErsFaults faults = new ErsFaults();
    private final ErsHttpHandler handler;
    private final SimulatorHttpServer server;

    private ErsSimulator(ErsSimulatorConfig config) {
        if (config.seedDemoReferrals) {
            SandboxReferrals.load(referrals);
        }
        this.handler = new ErsHttpHandler(new ReferralEndpoints(referrals), config.callers, config.requireRequestId, faults);
        this.server = SimulatorHttpServer.start(config.host, config.port, config.maxBodyBytes, config.threads, handler);
    }

    /** Binds and serves; port 0 in {@code config} picks a free port. */
    public static ErsSimulator start(ErsSimulatorConfig config) {
        return new ErsSimulator(config);
    }

    public int port() {
        return server.port();
    }

    /** {@code http://host:port}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** {@code http://host:port/referrals/FHIR}: what an e-RS client is configured with (as {@code https://api.service.nhs.uk/referrals/FHIR}). */
    public String fhirBaseUrl() {
        return server.baseUrl() + ErsRoute.BASE_PATH;
    }

    /** The referrals (seed them with {@link ReferralStore#put}) and the per-UBRN counts tests assert on. */
    public ReferralStore referrals() {
        return referrals;
    }

    public ErsFaults faults() {
        return faults;
    }

    /** How many times {@code operation} took effect on {@code ubrn}: 1 after an accept whose answer was lost and resent. */
    public int applied(ErsOperation operation, String ubrn) {
        return referrals.appliedCount(operation, ubrn);
    }

    /** Requests received, including refused and faulted ones. */
    public long requests() {
        return handler.requests();
    }

    @Override
    public void close() {
        server.close();
    }

    /** {@code ErsSimulator [port]}; port defaults to 8740 (the sandbox port); the API is open (no token). */
    public static void main(String[] args) throws InterruptedException {
        ErsSimulator sim = start(ErsSimulatorConfig.builder().port(args.length > 0 ? Integer.parseInt(args[0]) : 8740).build());
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        System.out.println("e-RS simulator listening on " + sim.fhirBaseUrl() + " with " + sim.referrals().size() + " referrals");
        Thread.currentThread().join();
    }
}
