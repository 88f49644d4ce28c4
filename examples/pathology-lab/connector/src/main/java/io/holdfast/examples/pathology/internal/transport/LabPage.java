package io.holdfast.examples.pathology.internal.transport;

/** A results page as received: the CSV body and the cursor the lab said to ask from next time. */
public record LabPage(byte[] body, String nextCursor) {
    @Override
    public String toString() {
        return "LabPage[" + body.length + " bytes, next " + nextCursor + "]";
    }
}
