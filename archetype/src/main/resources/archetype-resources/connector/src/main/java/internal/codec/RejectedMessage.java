package ${package}.internal.codec;

/**
 * A message this codec cannot map, with a stable reason code and a reason that names fields, never their values (a
 * value may be an NHS number). Becomes {@code DecodeResult.Rejected}: Intake journals it as REJECTED, nothing is lost.
 */
public final class RejectedMessage extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    public RejectedMessage(String code, String reason) {
        super(reason);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
