package ${package}.itest;

import ${package}.simulator.BookingSimulator;
import ${package}.simulator.SampleAppointments;
import java.time.Instant;

/**
 * The booking system, run by the test JVM outside Karaf (it is another system), on a free loopback port, with
 * {@value #SAMPLES} sample appointments waiting. Lives as long as the test JVM.
 */
final class RemoteBookingSystem {
    static final int SAMPLES = 2;
    static final String ISSUER = "RXX01";
    private static BookingSimulator running;

    private RemoteBookingSystem() {
    }

    /** Starts it once; returns its base URL. */
    static synchronized String start() {
        if (running == null) {
            try {
                running = new BookingSimulator("127.0.0.1", 0).start();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted starting the booking system simulator", e);
            }
            Instant now = Instant.now();
            for (int n = 1; n <= SAMPLES; n++) {
                running.state().offer("IT-" + n, SampleAppointments.message(n, ISSUER, now));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(running::close));
        }
        return running.baseUrl();
    }
}
