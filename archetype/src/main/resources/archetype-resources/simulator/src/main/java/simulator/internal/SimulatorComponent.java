package ${package}.simulator.internal;

import ${package}.simulator.BookingSimulator;
import ${package}.simulator.SampleAppointments;
import java.time.Instant;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the simulator inside a sandbox Holdfast, only while its configuration exists. */
@Component(configurationPid = SimulatorConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = SimulatorConfig.class)
public class SimulatorComponent {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorComponent.class);

    private BookingSimulator simulator;

    @Activate
    void activate(SimulatorConfig config) throws InterruptedException {
        simulator = new BookingSimulator(config.host(), config.port()).start();
        Instant now = Instant.now();
        for (int n = 1; n <= config.demoAppointments(); n++) {
            simulator.state().offer("SIM-" + now.toEpochMilli() + "-" + n, SampleAppointments.message(n, config.issuer(), now));
        }
        LOG.info("${connectorName} simulator listening on {} with {} sample appointment(s) waiting", simulator.baseUrl(),
                config.demoAppointments());
    }

    @Deactivate
    void deactivate() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
