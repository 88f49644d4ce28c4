package io.holdfast.api.event;

import java.util.Optional;

/** One observation of a result (OBX): code, value, unit, range and abnormal flag. */
@org.osgi.annotation.versioning.ProviderType
public record Observation(String code, String codeSystem, String display, String value, String valueType,
                          Optional<String> unit, Optional<String> referenceRange, Optional<String> abnormalFlag,
                          ResultStatus status) {
    public Observation {
        unit = unit == null ? Optional.empty() : unit;
        referenceRange = referenceRange == null ? Optional.empty() : referenceRange;
        abnormalFlag = abnormalFlag == null ? Optional.empty() : abnormalFlag;
        status = status == null ? ResultStatus.FINAL : status;
    }
}
