package io.holdfast.simulator.pds;

import io.holdfast.simulator.apim.http.SimulatorHttpServer;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * NHS England's PDS FHIR R4 API over plain HTTP on a chosen address, under the published base path
 * {@code /personal-demographics/FHIR/R4}: {@code GET /Patient/{id}}, {@code GET /Patient?…} and
 * {@code PATCH /Patient/{id}}. Start with {@link #builder()}, stop with {@link #close()}; runs
 * standalone with {@link #main}.
 */
public final class PdsSimulator implements AutoCloseable {
    private final PatientStore patients = new PatientStore();
    private final PdsFaults faults = new PdsFaults();
    private final PdsHttpHandler handler;
    private final SimulatorHttpServer server;

    private PdsSimulator(Builder b) {
        if (b.sandboxPatients) {
            SandboxPatients.load(patients);
        }
        PopulationGenerator.generate(b.populationSeed, b.populationSize).forEach(patients::put);
        AtomicReference<String> baseUrl = new AtomicReference<>("");
        PatientEndpoints endpoints = new PatientEndpoints(patients, new PatientSearch(patients, b.clock));
        this.handler = new PdsHttpHandler(endpoints, Optional.ofNullable(b.callers), b.requireSessionUrid(), new RateLimiter(b.rateLimitPerSecond, b.nanoTime),
                faults, baseUrl::get);
        this.server = SimulatorHttpServer.start(b.host, b.port, b.maxBodyBytes, b.threads, handler);
        baseUrl.set(server.baseUrl());
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return server.port();
    }

    /** {@code http://host:port}. */
    public String baseUrl() {
        return server.baseUrl();
    }

    /** {@code http://host:port/personal-demographics/FHIR/R4}: what a PDS client is configured with. */
    public String fhirBaseUrl() {
        return server.baseUrl() + PdsHttpHandler.BASE_PATH;
    }

    public PatientStore patients() {
        return patients;
    }

    public PdsFaults faults() {
        return faults;
    }

    /** Requests received, including refused ones. */
    public long requests() {
        return handler.requests();
    }

    /** Requests refused with 429 by the rate limit (not counting injected 429s). */
    public long throttled() {
        return handler.throttled();
    }

    @Override
    public void close() {
        server.close();
    }

    /** Configuration of a simulator instance. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();
        private LongSupplier nanoTime = System::nanoTime;
        private int rateLimitPerSecond = 5;
        private int maxBodyBytes = 1024 * 1024;
        private int threads = 2;
        private Function<String, Optional<PdsCaller>> callers;
        private boolean callersKnowAccessMode;
        private Boolean requireSessionUrid;
        private boolean sandboxPatients = true;
        private long populationSeed;
        private int populationSize;

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The time source of the rate limit's sliding window (tests step it by hand). */
        public Builder nanoTime(LongSupplier nanoTime) {
            this.nanoTime = Objects.requireNonNull(nanoTime);
            return this;
        }

        /** Requests per application in any sliding second before 429 (default 5, as the platform's default); 0 = off. */
        public Builder rateLimitPerSecond(int perSecond) {
            this.rateLimitPerSecond = perSecond;
            return this;
        }

        /** Request bodies above this are refused with 413 (default 1 MiB). */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Bearer tokens are required and accepted when {@code activeToken} says so (e.g. {@code apim::isActiveToken});
         * every accepted caller is treated as one user-restricted application. As such a predicate cannot tell a
         * CIS2 token from an application's, {@code NHSD-Session-URID} is not required here unless asked for with
         * {@link #requireSessionUrid(boolean)}.
         */
        public Builder tokenValidator(Predicate<String> activeToken) {
            Objects.requireNonNull(activeToken);
            this.callers = token -> activeToken.test(token) ? Optional.of(PdsCaller.userRestricted("default")) : Optional.empty();
            this.callersKnowAccessMode = false;
            return this;
        }

        /**
         * Bearer tokens are required; {@code callers} says which application and access mode a token stands for
         * (empty = 401). User-restricted callers must then send {@code NHSD-Session-URID} (see
         * {@link #requireSessionUrid(boolean)}). Without this or {@link #tokenValidator}, the API is open like the
         * NHS sandbox.
         */
        public Builder callers(Function<String, Optional<PdsCaller>> callers) {
            this.callers = Objects.requireNonNull(callers);
            this.callersKnowAccessMode = true;
            return this;
        }

        /**
         * Whether user-restricted callers must send {@code NHSD-Session-URID} (digits): missing is 400 MISSING_VALUE,
         * malformed 400 INVALID_VALUE. Default: yes with {@link #callers}, no with {@link #tokenValidator} and open access.
         */
        public Builder requireSessionUrid(boolean require) {
            this.requireSessionUrid = require;
            return this;
        }

        boolean requireSessionUrid() {
            if (callers == null) {
                return false;
            }
            return requireSessionUrid != null ? requireSessionUrid : callersKnowAccessMode;
        }

        /** Whether to load the NHS sandbox test patients and the simulator's extras (default true). */
        public Builder sandboxPatients(boolean load) {
            this.sandboxPatients = load;
            return this;
        }

        /** Adds {@code size} generated patients, the same for the same seed. */
        public Builder population(long seed, int size) {
            this.populationSeed = seed;
            this.populationSize = size;
            return this;
        }

        public PdsSimulator start() {
            return new PdsSimulator(this);
        }
    }

    /** {@code PdsSimulator [port] [populationSize] [seed]}; port defaults to 8710 (the sandbox port); the API is open. */
    public static void main(String[] args) throws InterruptedException {
        Builder b = builder().port(args.length > 0 ? Integer.parseInt(args[0]) : 8710);
        if (args.length > 1) {
            b.population(args.length > 2 ? Long.parseLong(args[2]) : 1L, Integer.parseInt(args[1]));
        }
        PdsSimulator sim = b.start();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close));
        System.out.println("PDS simulator listening on " + sim.fhirBaseUrl() + " with " + sim.patients().size() + " records");
        Thread.currentThread().join();
    }
}
