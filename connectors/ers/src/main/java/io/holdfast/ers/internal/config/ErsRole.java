package io.holdfast.ers.internal.config;

import io.holdfast.api.error.InvalidConfigurationException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** {@link ErsRoleConfig} checked (e-RS spec: headers NHSD-eRS-Business-Function, NHSD-eRS-On-Behalf-Of-User-ID, NHSD-End-User-Organisation-ODS). */
public record ErsRole(String systemId, String businessFunction, Optional<String> onBehalfOfUserId, Optional<String> odsCode,
                      Optional<String> serviceId, Optional<String> rejectReasonCode) {
    /** The e-RS business functions a provider or referrer integration acts as (the spec's enum, less analyst/commissioner roles). */
    public static final Set<String> BUSINESS_FUNCTIONS = Set.of("SERVICE_PROVIDER_CLINICIAN", "SERVICE_PROVIDER_CLINICIAN_ADMIN",
            "SERVICE_PROVIDER_ADMIN", "REFERRING_CLINICIAN", "REFERRING_CLINICIAN_ADMIN", "REFERRING_ADMIN");
    static final String OBO_ROLE = "SERVICE_PROVIDER_CLINICIAN_ADMIN";
    private static final Pattern SDS_USER_ID = Pattern.compile("\\d{12}");
    private static final Pattern ODS = Pattern.compile("[A-Z0-9]{3,10}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    public static ErsRole from(ErsRoleConfig c) {
        String pid = ErsRoleConfig.FACTORY_PID;
        String system = trim(c.systemId());
        if (!ErsSettings.SYSTEM_ID.matcher(system).matches()) {
            throw new InvalidConfigurationException(pid, "systemId", "the inventory id of the e-RS system", "is '" + system + "'");
        }
        String function = trim(c.businessFunction());
        if (!BUSINESS_FUNCTIONS.contains(function)) {
            throw new InvalidConfigurationException(pid, "businessFunction", String.join(", ", BUSINESS_FUNCTIONS.stream().sorted().toList()),
                    "is '" + function + "'");
        }
        Optional<String> obo = optional(c.onBehalfOfUserId());
        if (obo.isPresent() && !SDS_USER_ID.matcher(obo.get()).matches()) {
            throw new InvalidConfigurationException(pid, "onBehalfOfUserId", "an SDS user id of 12 digits, or empty", "is not 12 digits");
        }
        if (obo.isPresent() && !OBO_ROLE.equals(function)) {
            throw new InvalidConfigurationException(pid, "onBehalfOfUserId", "empty unless businessFunction is " + OBO_ROLE
                    + " (e-RS supports on-behalf-of only for that role)", "is set with businessFunction " + function);
        }
        Optional<String> ods = optional(c.odsCode()).map(String::toUpperCase);
        if (ods.isPresent() && !ODS.matcher(ods.get()).matches()) {
            throw new InvalidConfigurationException(pid, "odsCode", "an ODS code (3-10 letters and digits), or empty", "is '" + ods.get() + "'");
        }
        Optional<String> service = optional(c.serviceId());
        Optional<String> reason = optional(c.rejectReasonCode());
        for (var entry : java.util.Map.of("serviceId", service, "rejectReasonCode", reason).entrySet()) {
            if (entry.getValue().isPresent() && !CODE.matcher(entry.getValue().get()).matches()) {
                throw new InvalidConfigurationException(pid, entry.getKey(), "1-64 of A-Z a-z 0-9 _ . -, or empty", "is '" + entry.getValue().get() + "'");
            }
        }
        return new ErsRole(system, function, obo, ods, service, reason);
    }

    /** When a system has no role file: application-restricted calls need none of it. */
    public static ErsRole none(String systemId) {
        return new ErsRole(systemId, "SERVICE_PROVIDER_CLINICIAN", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static Optional<String> optional(String s) {
        return Optional.of(trim(s)).filter(v -> !v.isEmpty());
    }
}
