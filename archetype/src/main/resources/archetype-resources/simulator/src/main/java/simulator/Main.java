package ${package}.simulator;

import java.time.Instant;

/** Runs the simulator outside Karaf: {@code java ... ${package}.simulator.Main [port] [sample count]}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8791;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        BookingSimulator simulator = new BookingSimulator("127.0.0.1", port).start();
        Instant now = Instant.now();
        for (int n = 1; n <= samples; n++) {
            simulator.state().offer("SIM-" + n, SampleAppointments.message(n, "RXX01", now));
        }
        System.out.println("${connectorName} simulator on " + simulator.baseUrl() + " (Ctrl-C stops it)");
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::close));
        Thread.currentThread().join();
    }
}
