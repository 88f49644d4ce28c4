package io.holdfast.simulator.apim.http;

/** Answers one request. Called on a server I/O thread, so it must not block. */
@FunctionalInterface
public interface SimulatorHandler {
    SimulatorReply handle(SimulatorRequest request);
}
