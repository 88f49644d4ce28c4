package io.holdfast.simulator.mllp;

import java.time.Duration;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the EPR receiver (and optionally the PAS feed) inside the sandbox. */
@Component(configurationPid = "io.holdfast.simulator.mllp", configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = MllpSimulatorComponent.class)
@Designate(ocd = MllpSimulatorConfig.class)
public class MllpSimulatorComponent {
    private static final Logger LOG = LoggerFactory.getLogger(MllpSimulatorComponent.class);
    private EprReceiver epr;
    private Thread feed;

    @Activate
    void activate(MllpSimulatorConfig config) throws InterruptedException {
        epr = new EprReceiver(config.bindAddress(), config.eprPort()).start();
        epr.fault(FaultMode.valueOf(config.eprFault().trim().toUpperCase(Locale.ROOT)), -1);
        LOG.info("MLLP EPR simulator listening on {}:{} (fault {})", config.bindAddress(), epr.port(), epr.fault());
        if (config.feedEnabled()) {
            feed = new Thread(() -> playFeed(config), "mllp-pas-feed");
            feed.setDaemon(true);
            feed.start();
        }
    }

    private void playFeed(MllpSimulatorConfig config) {
        FeedSender sender = new FeedSender(config.feedHost(), config.feedPort(), Duration.ofSeconds(30), 3);
        try {
            var outcomes = sender.send(new PasFeedGenerator(System.currentTimeMillis()), config.feedCount(), config.feedRate());
            LOG.info("PAS feed simulator finished: ACKs {}, timeouts {}", outcomes, sender.timeouts());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warn("PAS feed simulator stopped: {}", e.toString());
        }
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
