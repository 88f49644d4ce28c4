package io.holdfast.journal.internal;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Leases;
import java.lang.management.ManagementFactory;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention (PID {@code io.holdfast.retention}): offers {@link RetentionControl} to
 * {@code holdfast:retention} and, when {@code enabled}, runs it every {@code runEveryHours} (first
 * run one hour after start, so a restart loop never prunes in a burst). Config changes apply live.
 */
@Component(service = RetentionControl.class, configurationPid = RetentionConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = RetentionConfig.class)
public class RetentionComponent implements RetentionControl {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionComponent.class);

    @Reference
    JournalCore journal;

    @Reference
    Leases leases;

    private RetentionRunner runner;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> scheduled;

    @Activate
    void activate(RetentionConfig config) {
        runner = new RetentionRunner(journal, leases, "retention@" + ManagementFactory.getRuntimeMXBean().getName(),
                RetentionRunner.policyOf(config));
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "holdfast-retention");
            t.setDaemon(true);
            return t;
        });
        schedule();
    }

    @Modified
    void modified(RetentionConfig config) {
        runner.policy(RetentionRunner.policyOf(config));
        schedule();
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
    }

    private synchronized void schedule() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
        RetentionPolicy p = runner.policy();
        if (p.enabled()) {
            scheduled = scheduler.scheduleWithFixedDelay(this::scheduledRun, 1, p.runEveryHours(), TimeUnit.HOURS);
        }
        LOG.info("Retention policy: {}", p.describe());
    }

    private void scheduledRun() {
        try {
            runner.runNow("scheduler");
        } catch (HoldfastException e) {
            LOG.warn("Scheduled retention run did not complete: {}", e.describe());
        } catch (RuntimeException e) {
            LOG.error("Scheduled retention run failed", e);
        }
    }

    @Override
    public String describePolicy() {
        return runner.describePolicy();
    }

    @Override
    public String describeDue() {
        return runner.describeDue();
    }

    @Override
    public String runNow(String actor) {
        return runner.runNow(actor);
    }
}
