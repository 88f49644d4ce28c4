package io.holdfast.fhir.internal;

import io.holdfast.api.model.SensitivityFlag;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.fhir.UkCore;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Meta;

import java.util.List;
import java.util.Locale;

/**
 * {@code meta.security} confidentiality (PDS: U, R, V, REDACTED) to and from {@link SensitivityFlag}.
 * Fail-safe like the HL7 v2 codec: several labels → the most restrictive; no confidentiality label at
 * all → {@link SensitivityFlag#NOT_STATED} (treated as restricted), never U by default.
 */
final class Sensitivity {
    private static final List<SensitivityFlag> LEAST_TO_MOST = List.of(SensitivityFlag.NOT_STATED, SensitivityFlag.U,
            SensitivityFlag.R, SensitivityFlag.V, SensitivityFlag.REDACTED);

    private Sensitivity() {
    }

    static SensitivityFlag decode(Meta meta, FieldTrail trail) {
        SensitivityFlag flag = SensitivityFlag.NOT_STATED;
        for (Coding label : meta.getSecurity()) {
            SensitivityFlag f = of(label.getCode());
            if (f != SensitivityFlag.NOT_STATED) {
                trail.inbound("Patient.meta.security.where(code='" + f.name() + "').code", "patient.sensitivity", f.name());
                if (LEAST_TO_MOST.indexOf(f) > LEAST_TO_MOST.indexOf(flag)) {
                    flag = f;
                }
            }
        }
        return flag;
    }

    static void encode(SensitivityFlag flag, Meta meta, FieldTrail trail) {
        if (flag == SensitivityFlag.NOT_STATED) {
            return; // say nothing rather than claim a level nobody stated
        }
        String system = flag == SensitivityFlag.REDACTED ? UkCore.CS_ACT_CODE : UkCore.CS_CONFIDENTIALITY;
        meta.addSecurity(new Coding(system, flag.name(), display(flag)));
        trail.outbound("patient.sensitivity", "Patient.meta.security.code", flag.name());
    }

    private static SensitivityFlag of(String code) {
        if (code == null) {
            return SensitivityFlag.NOT_STATED;
        }
        return switch (code.trim().toUpperCase(Locale.ROOT)) {
            case "U" -> SensitivityFlag.U;
            case "R" -> SensitivityFlag.R;
            case "V" -> SensitivityFlag.V;
            case "REDACTED" -> SensitivityFlag.REDACTED;
            default -> SensitivityFlag.NOT_STATED;
        };
    }

    private static String display(SensitivityFlag flag) {
        return switch (flag) {
            case U -> "unrestricted";
            case R -> "restricted";
            case V -> "very restricted";
            default -> "redacted";
        };
    }
}
