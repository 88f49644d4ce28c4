package io.holdfast.eps;

/** {@code $prepare}: the data the prescriber must sign, or why there is none. */
public sealed interface PrepareResult {

    /**
     * {@code digest}: base64 of the HL7 V3 SignedInfo the prescriber signs (with the Signing Service or a smartcard);
     * {@code algorithm} (e.g. {@code RS1}) and {@code timestamp} as EPS gave them (Parameters {@code digest},
     * {@code algorithm}, {@code timestamp}).
     */
    record Prepared(String digest, String algorithm, String timestamp) implements PrepareResult {
    }

    record NotPrepared(EpsResult result) implements PrepareResult {
    }
}
