package io.holdfast.testkit;

import io.holdfast.api.kernel.Alerts;
import io.holdfast.api.kernel.CredentialVault;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.Idempotency;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.Leases;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.credentials.api.VaultAdmin;
import io.holdfast.keys.api.MasterKeys;
import io.holdfast.routing.internal.dispatch.Dispatcher;
import io.holdfast.routing.internal.outbox.OutboxRow;
import io.holdfast.store.api.Store;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The real Holdfast kernel in a plain JVM, for component tests of connectors: embedded Derby in a
 * folder the test owns, the journal (hash chain, encrypted payloads, group commit), idempotency,
 * Intake, routing (routes, transactional outbox, dispatcher), inventory, credential vault with the
 * shipped auth providers, alerts, leases, encrypted work files and health, wired as Declarative
 * Services wires them in Karaf. Every accessor returns a published API type, so a test drives the
 * kernel exactly as a connector bundle does.
 *
 * <pre>{@code
 * try (TestKernel k = TestKernel.builder(tempDir).system("epr", Transports.MLLP, WireFormat.hl7v2("2.4"))
 *         .route("adt-to-epr", "epr").start()) {
 *     IntakeReceipt r = k.intake().accept(envelope, payload, decoded, trail).toCompletableFuture().get();
 *     JournalTrace.of(k.journal(), "MSG1").assertStages(Stage.RECEIVED, Stage.TRANSFORMED, Stage.ROUTED);
 * }
 * }</pre>
 */
public final class TestKernel implements AutoCloseable {
    private final KernelAssembly.Parts parts;
    private volatile boolean closed;

    TestKernel(KernelAssembly.Parts parts) {
        this.parts = parts;
    }

    /** @param directory a folder the test owns (e.g. JUnit's {@code @TempDir}); the database, payloads and work files go there */
    public static TestKernelBuilder builder(Path directory) {
        return new TestKernelBuilder(directory);
    }

    public Intake intake() {
        return parts.intake();
    }

    public Journal journal() {
        return parts.journal();
    }

    public Idempotency idempotency() {
        return parts.idempotency();
    }

    /** The router Intake consults: the routes given to the builder or added since (or the builder's fixed router). */
    public Router router() {
        return parts.router();
    }

    public Inventory inventory() {
        return parts.inventory();
    }

    public CredentialVault vault() {
        return parts.vault();
    }

    /** Imports and activates credentials (as {@code holdfast:cred-import} does). */
    public VaultAdmin vaultAdmin() {
        return parts.vault();
    }

    /** The registered provider for a pattern (the shipped ones, plus any the builder added). */
    public Optional<AuthProvider> authProvider(AuthPattern pattern) {
        return parts.authProviders().stream().filter(p -> p.pattern() == pattern).reduce((first, later) -> later);
    }

    public Alerts alerts() {
        return parts.alerts();
    }

    public Leases leases() {
        return parts.leases();
    }

    /** Encrypted work files under {@code <directory>/work}. */
    public WorkFiles workFiles() {
        return parts.workFiles();
    }

    public Health health() {
        return parts.health();
    }

    /** The kernel's meter registry: connectors register their meters here. */
    public MeterRegistry meters() {
        return parts.meters();
    }

    public MutableClock clock() {
        return parts.clock();
    }

    public MasterKeys keys() {
        return parts.keys();
    }

    public Store store() {
        return parts.store();
    }

    public Path directory() {
        return parts.directory();
    }

    /** Adds (or replaces) a route while the kernel runs, as dropping a route file into etc does. */
    public void addRoute(TestRoute route) {
        parts.routes().add(TestRoutes.definition(route));
    }

    /** Removes a route while the kernel runs, as deleting its file does. */
    public void removeRoute(String name) {
        parts.routes().remove(name);
    }

    /**
     * Makes routing unavailable to Intake, as stopping the {@code holdfast-routing} bundle (or routes
     * still loading at start) does: Intake refuses new input with {@code ROUTING_UNAVAILABLE} unless the
     * kernel is {@link TestKernelBuilder#journalOnly() journal-only}. The dispatcher keeps running.
     */
    public void stopRouting() {
        parts.routingRunning().set(false);
    }

    /** Makes routing available to Intake again. */
    public void startRouting() {
        parts.routingRunning().set(true);
    }

    /**
     * Stops Intake, as when the kernel shuts down: every later message is refused ({@code SHUTTING_DOWN})
     * and nothing is stored, so a connector must leave its input unacknowledged. Not undone but by a new kernel.
     */
    public void stopIntake() {
        parts.intake().close();
    }

    /** Every outbox row, oldest first. */
    public List<OutboxEntry> outbox() {
        return outboxRows(Optional.empty());
    }

    /** The outbox rows for one target, oldest first. */
    public List<OutboxEntry> outbox(String target) {
        return outboxRows(Optional.of(target));
    }

    private List<OutboxEntry> outboxRows(Optional<String> target) {
        return parts.outbox().list(target, Optional.empty(), Integer.MAX_VALUE).stream()
                .sorted(Comparator.comparingLong(OutboxRow::id))
                .map(r -> new OutboxEntry(r.id(), r.journalId(), r.routeId(), r.target(), r.state().name(), r.attempts(),
                        r.requestId(), r.raw(), r.lastError()))
                .toList();
    }

    public KernelCounters counters() {
        Optional<Dispatcher> d = parts.dispatcher();
        return new KernelCounters(parts.journal().commits(), parts.journal().tasksWritten(), parts.outbox().openDepths(),
                d.map(Dispatcher::claimed).orElse(0L), d.map(Dispatcher::handedOver).orElse(0L));
    }

    /**
     * Stops the dispatcher (finishing attempts in progress), Intake (refusing new input) and the journal
     * writer (after its queue is written), then shuts the database down. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        parts.dispatcher().ifPresent(Dispatcher::close);
        parts.monitor().clear();
        parts.intake().close();
        parts.journal().close();
        parts.meters().close();
        KernelAssembly.shutdown(parts.dataSource());
    }
}
