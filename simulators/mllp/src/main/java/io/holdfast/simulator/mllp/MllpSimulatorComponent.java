package io.holdfast.simulator.mllp;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the EPR receiver (and optionally the PAS feed) inside the sandbox. */
@Component(configurationPid = "io.holdfast.simulator.mllp", configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = MllpSimulatorComponent.class)
@Designate(ocd = MllpSimulatorConfig.class)
public class MllpSimulatorComponent {
    private static final Logger LOG = LoggerFactory.getLogger(MllpSimulatorComponent.class);
    /** Inventory id of the simulated EPR that the sandbox route targets. */
    public static final String EPR_SYSTEM_ID = "epr-sim";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    Inventory inventory;

    /**
     * The NONE auth provider, registered by the credentials bundle with {@code holdfast.auth.pattern=NONE}.
     * Mandatory so the component (and the inventory seeding in activate) waits for it: the inventory refuses
     * a system whose auth pattern has no provider, and at boot the credentials bundle may start after this one.
     */
    @Reference(target = "(holdfast.auth.pattern=NONE)")
    AuthProvider noneAuthProvider;

    private EprReceiver epr;
    private Thread feed;

    @Activate
    void activate(MllpSimulatorConfig config) throws InterruptedException {
        epr = new EprReceiver(config.bindAddress(), config.eprPort()).start();
        epr.fault(FaultMode.valueOf(config.eprFault().trim().toUpperCase(Locale.ROOT)), -1);
        LOG.info("MLLP EPR simulator listening on {}:{} (fault {})", config.bindAddress(), epr.port(), epr.fault());
        if (config.seedInventory() && inventory != null && inventory.find(EPR_SYSTEM_ID).isEmpty()) {
            seedEpr(config);
        }
        if (config.feedEnabled()) {
            feed = new Thread(() -> playFeed(config), "mllp-pas-feed");
            feed.setDaemon(true);
            feed.start();
        }
    }

    private void seedEpr(MllpSimulatorConfig config) {
        try {
            inventory.add(new DownstreamSystem(EPR_SYSTEM_ID, "Simulated EPR (MLLP, sandbox)", Optional.empty(), "dev", Transports.MLLP,
                    WireFormat.hl7v2("2.4"), "mllp://" + config.bindAddress() + ":" + epr.port(), AuthPattern.NONE, Optional.empty(),
                    Optional.empty()));
            LOG.info("Sandbox inventory: added system {} -> {}:{}", EPR_SYSTEM_ID, config.bindAddress(), epr.port());
        } catch (RuntimeException e) {
            // The receiver itself is fine: keep it running and say why the sandbox route has no target.
            LOG.error("Sandbox inventory: system {} not added: {}", EPR_SYSTEM_ID, e.getMessage());
        }
    }

    private void playFeed(MllpSimulatorConfig config) {
        FeedSender sender = new FeedSender(config.feedHost(), config.feedPort(), Duration.ofSeconds(30), 3);
        // The listener may start after this component: wait for it (up to ~2 minutes) before giving up.
        for (int attempt = 1; attempt <= 60 && !Thread.currentThread().isInterrupted(); attempt++) {
            try {
                var outcomes = sender.send(new PasFeedGenerator(System.currentTimeMillis()), config.feedCount(), config.feedRate());
                LOG.info("PAS feed simulator finished: ACKs {}, timeouts {}", outcomes, sender.timeouts());
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.net.ConnectException e) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (Exception e) {
                LOG.warn("PAS feed simulator stopped: {}", e.toString());
                return;
            }
        }
        LOG.warn("PAS feed simulator: no listener on {}:{}; feed not sent", config.feedHost(), config.feedPort());
    }

    /** The receiver, for shell and tests in the sandbox. */
    public EprReceiver epr() {
        return epr;
    }

    @Deactivate
    void deactivate() {
        if (feed != null) {
            feed.interrupt();
        }
        if (epr != null) {
            epr.close();
        }
    }
}
