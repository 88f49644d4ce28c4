package io.holdfast.examples.pathology.internal.transport;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.examples.pathology.internal.config.LabSettings;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of one lab: look the lab up in the inventory (endpoint, auth pattern), fetch the page after
 * the stored cursor with credentials from the pattern's {@link AuthProvider}, hand its rows to Intake,
 * and only when all are durable save the lab's next cursor. A full page is followed by the next one at
 * once (up to {@value #MAX_PAGES_PER_POLL}). A page too large for {@code maxResponseBytes} is asked for
 * again at once with half the rows, down to one row; the next poll starts at {@code pageSize} again. Never throws: the report says what happened.
 * Not thread-safe: the component runs it on one thread.
 */
public final class LabPoller {
    static final int MAX_PAGES_PER_POLL = 50;
    private static final Logger LOG = LoggerFactory.getLogger(LabPoller.class);
    private final LabSettings settings;
    private final Inventory inventory;
    private final AuthProviders auth;
    private final CursorStore cursors;
    private final ResultFetcher fetcher;
    private final PageIntake pages;
    private final Clock clock;
    private int pageSize;
    private String lastCredential = "";

    public LabPoller(LabSettings settings, Intake intake, Journal journal, Inventory inventory, AuthProviders auth, CursorStore cursors,
                     ResultFetcher fetcher, Clock clock) {
        this.settings = settings;
        this.inventory = inventory;
        this.auth = auth;
        this.cursors = cursors;
        this.fetcher = fetcher;
        this.pages = new PageIntake(settings, intake, journal);
        this.clock = clock;
        this.pageSize = settings.pageSize();
    }

    /** Rows per request now: {@code pageSize}, or less after an oversized page. */
    public int pageSize() {
        return pageSize;
    }

    public PollReport poll() {
        pageSize = settings.pageSize();
        Instant started = clock.instant();
        PollReport.RowCounts rows = PollReport.RowCounts.NONE;
        int pageCount = 0;
        try {
            DownstreamSystem system = system();
            AuthProvider provider = auth.forPattern(system.authPattern()).orElseThrow(() -> new HoldfastException(
                    ErrorCode.CREDENTIAL_INVALID, "no AuthProvider for auth pattern " + system.authPattern() + " of system '"
                    + system.id() + "' is installed; nothing was fetched"));
            boolean more = true;
            while (more && pageCount < MAX_PAGES_PER_POLL) {
                PollReport.RowCounts page = onePage(system, provider);
                pageCount++;
                rows = rows.plus(page);
                more = page.taken() >= pageSize;
            }
            return new PollReport(started, pageCount, rows, cursor(), lastCredential, Optional.empty());
        } catch (HoldfastException e) {
            LOG.warn("Pathology lab {}: {}", settings.name(), e.describe());
            return new PollReport(started, pageCount, rows, cursorOrUnknown(), lastCredential, Optional.of(e.describe()));
        } catch (RuntimeException e) {
            LOG.error("Pathology lab {}: poll failed unexpectedly", settings.name(), e);
            return new PollReport(started, pageCount, rows, cursorOrUnknown(), lastCredential,
                    Optional.of("unexpected " + e.getClass().getSimpleName() + "; see the log"));
        }
    }

    private PollReport.RowCounts onePage(DownstreamSystem system, AuthProvider provider) {
        String since = cursor();
        ResultFetcher.Fetched fetched = fetchShrinkingWhenOversized(system, provider, since);
        lastCredential = fetched.identity().describe();
        URI uri = uri(system, since);
        String request = LabClient.origin(uri) + uri.getPath();
        PollReport.RowCounts counts = pages.take(new PageIntake.Source(system.id(), request, since, fetched, clock.instant()));
        cursors.save(fetched.page().nextCursor());
        return counts;
    }

    /** An oversized page is not read; it is asked for again at once with half the rows, down to one row. */
    private ResultFetcher.Fetched fetchShrinkingWhenOversized(DownstreamSystem system, AuthProvider provider, String since) {
        while (true) {
            try {
                return fetcher.fetch(system, provider, uri(system, since), settings.retry());
            } catch (LabCallException e) {
                if (e.kind() != LabCallException.Kind.OVERSIZE || pageSize == 1) {
                    throw e;
                }
                pageSize = Math.max(1, pageSize / 2);
                LOG.warn("Pathology lab {}: page over maxResponseBytes={}; asking again for {} rows", settings.name(),
                        settings.maxResponseBytes(), pageSize);
            }
        }
    }

    private DownstreamSystem system() {
        DownstreamSystem system = inventory.find(settings.system()).orElseThrow(() -> new HoldfastException(ErrorCode.UNKNOWN_SYSTEM,
                "system '" + settings.system() + "' (key 'system' of " + settings.pid() + ") is not in the inventory; add it with "
                + "holdfast:system-add --transport HTTP --endpoint https://<lab>/ ... " + settings.system()));
        if (!Transports.HTTP.equals(system.transport())) {
            throw new HoldfastException(ErrorCode.INVALID_CONFIGURATION, "system '" + system.id() + "' has transport " + system.transport()
                    + "; a pathology lab feed is fetched over HTTP (https:// endpoint)");
        }
        return system;
    }

    /** The cursor to ask from: the stored one, else {@code initialCursor}. */
    public String cursor() {
        return cursors.load().orElse(settings.initialCursor());
    }

    private String cursorOrUnknown() {
        try {
            return cursor();
        } catch (HoldfastException e) {
            return "(unreadable)";
        }
    }

    URI uri(DownstreamSystem system, String since) {
        String base = system.endpoint().endsWith("/") ? system.endpoint().substring(0, system.endpoint().length() - 1) : system.endpoint();
        String query = "?limit=" + pageSize + (since.isEmpty() ? "" : "&since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
        return URI.create(base + settings.resultsPath() + query);
    }
}
