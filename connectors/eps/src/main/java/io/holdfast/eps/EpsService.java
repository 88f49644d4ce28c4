package io.holdfast.eps;

import io.holdfast.api.event.DispenseNotification;
import io.holdfast.api.event.Prescription;

/**
 * Calls to NHS England's Electronic Prescription Service (FHIR R4), each journaled with the credential identity before
 * its result is returned. Prescribing calls are user-restricted in EPS: pass the prescriber's CIS2 ID token in the
 * {@link CallContext}; without one they are sent application-restricted, which only the sandbox accepts.
 */
public interface EpsService {

    /** {@code POST /$prepare}: the prescription-order message → the digest the prescriber signs. */
    PrepareResult prepare(Prescription prescription, CallContext context);

    /**
     * {@code POST /$process-message}: the prescription-order message of {@code prescription} with the prescriber's
     * signature over its {@code $prepare} digest in a Provenance (XML-DSig assembled as the specification shows).
     */
    EpsResult submit(Prescription prescription, PrescriberSignature signature, CallContext context);

    /**
     * {@code POST /$process-message} with a prescription-order bundle the prescriber's system has already signed
     * (Provenance with the XML-DSig), sent byte for byte as given.
     */
    EpsResult submitSigned(byte[] signedOrderBundle, CallContext context);

    /** {@code POST /$process-message}, prescription-order-update: cancels the prescription (its status must be {@code cancelled}). */
    EpsResult cancel(Prescription cancelled, CallContext context);

    /** {@code POST /$process-message}, dispense-notification. */
    EpsResult dispense(DispenseNotification notification, CallContext context);

    /**
     * {@code POST /Task/$release}: downloads, for pharmacy {@code pharmacyOds}, the one {@code prescription} given
     * (parameter {@code group-identifier}: a patient's token scanned at the counter), or else the prescriptions
     * nominated to that pharmacy (up to 25).
     */
    ReleaseResult release(String pharmacyOds, java.util.Optional<io.holdfast.api.event.PrescriptionId> prescription, CallContext context);

    /** {@code POST /Claim}: claims for the dispensed items of {@code notification}. */
    EpsResult claim(DispenseNotification notification, CallContext context);
}
