package io.holdfast.examples.pathology.itest;

import io.holdfast.examples.pathology.simulator.SimulatedLab;

/**
 * The simulated lab, started in the test driver's JVM (outside Karaf, as a real lab is another system) when
 * pax-exam asks for the container's options; it stops with that JVM. Never loaded inside Karaf.
 */
final class OutsideLab {
    static final String KEY = "itest-lab-key";
    private static SimulatedLab lab;

    private OutsideLab() {
    }

    static synchronized String url() {
        if (lab == null) {
            lab = SimulatedLab.builder().apiKey(KEY).start();
            Runtime.getRuntime().addShutdownHook(new Thread(lab::close, "pathology-itest-lab"));
        }
        return lab.baseUrl();
    }
}
