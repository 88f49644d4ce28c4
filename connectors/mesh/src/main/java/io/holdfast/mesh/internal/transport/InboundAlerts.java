package io.holdfast.mesh.internal.transport;

import io.holdfast.api.kernel.Alert;
import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.Alerts;
import io.holdfast.mesh.protocol.MeshMessageId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A mailbox's inbound alerts: a message refused by a limit ({@code mesh:<mailbox>:refused:<id>},
 * WARNING), the work folder's disk too full to download ({@code mesh:<mailbox>:disk}, CRITICAL),
 * the server listing ids that are not MESH message ids ({@code mesh:<mailbox>:invalid-ids}). Each
 * is raised while its condition holds and cleared by the first poll without it. Texts are PHI-free
 * (ids, sizes, config keys). One poller thread per mailbox: not thread-safe.
 */
public final class InboundAlerts {
    private static final Logger LOG = LoggerFactory.getLogger(InboundAlerts.class);
    private final Alerts alerts;
    private final String mailbox;
    private final String source;
    private Set<String> refused = new HashSet<>();
    private Set<String> refusedThisPoll = new HashSet<>();
    private boolean diskRaised;
    private boolean diskThisPoll;
    private boolean invalidRaised;

    public InboundAlerts(Alerts alerts, String mailbox) {
        this.alerts = alerts;
        this.mailbox = mailbox;
        this.source = "mesh:" + mailbox;
    }

    void refused(InboundRefusal r) {
        if (r.kind() == InboundRefusal.Kind.DISK_SPACE) {
            diskThisPoll = true;
            if (!diskRaised) {
                LOG.error("MESH {}: {}", mailbox, r.getMessage());
            }
            alerts.raise(source + ":disk", AlertSeverity.CRITICAL, source, "MESH " + mailbox + " stopped collecting: the work folder's "
                    + "disk is too full (" + r.getMessage() + ")");
            diskRaised = true;
            return;
        }
        refusedThisPoll.add(r.messageId());
        if (!refused.contains(r.messageId())) {
            LOG.warn("MESH {}: {}", mailbox, r.getMessage());
        }
        alerts.raise(key(r.messageId()), AlertSeverity.WARNING, source, r.getMessage() + "; raise the limit in the mailbox "
                + "configuration to collect it, or have the sender resend it smaller");
    }

    void invalidIds(List<String> ids) {
        if (ids.isEmpty()) {
            if (invalidRaised) {
                alerts.clear(source + ":invalid-ids");
                invalidRaised = false;
            }
            return;
        }
        String shown = MeshMessageId.forLog(ids.get(0));
        if (!invalidRaised) {
            LOG.warn("MESH {}: the inbox listed {} id(s) that are not MESH message ids, e.g. {}; they are ignored", mailbox, ids.size(), shown);
        }
        alerts.raise(source + ":invalid-ids", AlertSeverity.WARNING, source, "MESH " + mailbox + " listed " + ids.size()
                + " id(s) that are not MESH message ids (e.g. " + shown + "); ignored");
        invalidRaised = true;
    }

    /**
     * Clears the alerts of conditions this poll no longer saw, from the kernel's list of active alerts
     * (so an alert raised before a restart is cleared too). A poll that stopped early clears nothing.
     */
    void endOfPoll(boolean completed) {
        if (completed) {
            for (Alert a : alerts.active()) {
                boolean staleRefusal = a.key().startsWith(source + ":refused:")
                        && !refusedThisPoll.contains(a.key().substring((source + ":refused:").length()));
                boolean staleDisk = a.key().equals(source + ":disk") && !diskThisPoll;
                if (staleRefusal || staleDisk) {
                    alerts.clear(a.key());
                }
                if (staleDisk) {
                    LOG.info("MESH {}: the work folder's disk has room again; collecting", mailbox);
                }
            }
        }
        refused = completed ? refusedThisPoll : union(refused, refusedThisPoll);
        refusedThisPoll = new HashSet<>();
        diskRaised = diskThisPoll || (!completed && diskRaised);
        diskThisPoll = false;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }

    private String key(String messageId) {
        return source + ":refused:" + messageId;
    }
}
