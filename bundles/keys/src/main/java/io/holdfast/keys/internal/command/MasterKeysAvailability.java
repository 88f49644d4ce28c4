package io.holdfast.keys.internal.command;

import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.Health;
import io.holdfast.keys.api.MasterKeys;

/**
 * The key commands keep working when the keystore did not open: instead of vanishing from the shell
 * (a mandatory reference would hide them), they say why, from what the keys component told Health.
 */
final class MasterKeysAvailability {
    private MasterKeysAvailability() {
    }

    static MasterKeys require(MasterKeys keys, Health health) {
        if (keys != null) {
            return keys;
        }
        String reason = health == null ? "the Health service is not available either"
                : health.components().stream().filter(c -> "keys".equals(c.component())).findFirst()
                        .map(ComponentHealth::detail).orElse("the keys component has not reported yet");
        throw new IllegalStateException("master keys are not available: " + reason + " (see holdfast:status)");
    }
}
