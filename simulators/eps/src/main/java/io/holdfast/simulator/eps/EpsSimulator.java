package io.holdfast.simulator.eps;

import io.holdfast.simulator.apim.http.SimulatorHttpServer;
import java.util.Optional;

/**
 * NHS England's Electronic Prescription Service FHIR R4 API over plain HTTP on a chosen address, under the published
 * base path {@code /electronic-prescriptions/FHIR/R4}. Start with {@link #start(EpsSimulatorConfig)}, stop with
 * {@link #close()}; runs standalone with {@link #main}.
 */
public final class EpsSimulator implements AutoCloseable {
    private final PrescriptionStore store = new PrescriptionStore();
    private final EpsCounters counters = new EpsCounters();
    private final EpsFaults faults = new EpsFaults();
    private final SimulatorHttpServer server;

    private EpsSimulator(EpsSimulatorConfig config) {
        EpsHttpHandler handler = new EpsHttpHandler(new PrescribingEndpoints(store, counters, config.clock()),
                new DispensingEndpoints(store, counters), new TrackerEndpoint(store, counters), config.callers(),
                config.enforceAccessModes(), faults, counters);
        this.server = SimulatorHttpServer.start(config.host(), config.port(), config.maxBodyBytes(), config.threads(), handler);
    }

    /** Binds and serves; port 0 in the config picks a free port. */
    public static EpsSimulator start(EpsSimulatorConfig config) {
        return new EpsSimulator(config);
    }

    public int port() {
        return server.port();
    }

    /** {@code http://host:port}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /**
     * {@code http://host:port/electronic-prescriptions}: the counterpart of the published server URLs
     * ({@code https://int.api.service.nhs.uk/electronic-prescriptions}), which the API's paths ({@code /FHIR/R4/...}) follow.
     */
    public String serviceUrl() {
        return server.baseUrl() + EpsHttpHandler.SERVICE_PATH;
    }

    /** {@code http://host:port/electronic-prescriptions/FHIR/R4}. */
    public String fhirBaseUrl() {
        return server.baseUrl() + EpsHttpHandler.FHIR_PATH;
    }

    public EpsFaults faults() {
        return faults;
    }

    public EpsCounters counters() {
        return counters;
    }

    /** The prescription's EPS-task-business-status code (e.g. 0001 To be Dispensed), if stored. */
    public Optional<String> businessStatus(String prescriptionId) {
        return store.get(prescriptionId).map(p -> p.status().code());
    }

    /** The ODS code of the dispenser that downloaded the prescription, if any. */
    public Optional<String> dispenser(String prescriptionId) {
        return store.get(prescriptionId).flatMap(StoredPrescription::dispenser);
    }

    @Override
    public void close() {
        server.close();
    }

    /** {@code EpsSimulator [port]}; port defaults to 8750 (the sandbox port); the API is open. */
    public static void main(String[] args) throws InterruptedException {
        EpsSimulator sim = start(EpsSimulatorConfig.builder().port(args.length > 0 ? Integer.parseInt(args[0]) : 8750).build());
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        System.out.println("EPS simulator listening on " + sim.fhirBaseUrl());
        Thread.currentThread().join();
    }
}
