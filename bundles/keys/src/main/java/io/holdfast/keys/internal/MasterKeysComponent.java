package io.holdfast.keys.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.keys.api.MasterKeys;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens (or on a fresh install creates) the master keystore and registers {@link MasterKeys} only if
 * that worked; either way the outcome goes to {@link Health} as component {@code keys}.
 *
 * <p>Why manual registration instead of {@code @Component(service = MasterKeys.class)} plus throwing
 * from {@code @Activate}: Felix SCR registers an immediate component's service <em>before</em>
 * activating it and leaves it registered when activation throws (getService then returns null and
 * activation is retried on every lookup). Consumers would see a MasterKeys reference that cannot be
 * obtained, and the expected failure would be logged with a stack trace on every attempt. Here the
 * component stays active (so it can report DOWN) and the service simply does not exist. The
 * {@code @Capability} declares the hand-registered service, so the features resolver can satisfy
 * consumers' {@code osgi.service} requirements without help from the feature file.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=io.holdfast.keys.api.MasterKeys",
        uses = MasterKeys.class)
@Component(immediate = true, configurationPid = MasterKeysComponent.PID)
@Designate(ocd = MasterKeysComponent.Config.class)
public class MasterKeysComponent {
    static final String PID = "io.holdfast.keys";
    static final String HEALTH_NAME = "keys";
    private static final Logger LOG = LoggerFactory.getLogger(MasterKeysComponent.class);

    @ObjectClassDefinition(id = PID, name = "Holdfast master keys",
            description = "Location of the master keystore. The passphrase is never configured here: it comes from"
                    + " the master key file (etc/holdfast-master.key, HOLDFAST_MASTER_KEY_FILE or systemd credential holdfast-master-key).")
    public @interface Config {
        @AttributeDefinition(name = "Keystore path",
                description = "Absolute path of the PKCS#12 master keystore; empty = ${karaf.data}/holdfast/keys/master.p12")
        String keystorePath() default "";
    }

    private final PassphraseSource passphrases;
    private final UnaryOperator<String> systemProperties;

    @Reference
    private Health health;

    private KeystoreMasterKeys keys;
    private ServiceRegistration<MasterKeys> registration;

    public MasterKeysComponent() {
        this(PassphraseSource.system(), System::getProperty, null);
    }

    /** For plain-JVM tests: explicit passphrase source, system properties and health. */
    MasterKeysComponent(PassphraseSource passphrases, UnaryOperator<String> systemProperties, Health health) {
        this.passphrases = passphrases;
        this.systemProperties = systemProperties;
        this.health = health;
    }

    @Activate
    void activate(BundleContext context, Config config) {
        try {
            KeystoreMasterKeys opened = openKeys(config);
            keys = opened;
            registration = context.registerService(MasterKeys.class, opened, null);
            opened.onRotation(() -> reportUp(opened));
            reportUp(opened);
        } catch (HoldfastException e) {
            // Expected operator problems (passphrase, missing keystore): one line, no stack trace.
            LOG.error("{} MasterKeys service not registered: {}", e.errorCode().code(), e.getMessage());
            fail(e.describe());
        } catch (RuntimeException e) {
            LOG.error("{} MasterKeys service not registered: unexpected failure", ErrorCode.KEYSTORE_UNAVAILABLE.code(), e);
            fail(ErrorCode.KEYSTORE_UNAVAILABLE.code() + " unexpected failure opening the master keystore: " + e
                    + " (stack trace in karaf.log)");
        }
    }

    @Deactivate
    void deactivate() {
        withdraw();
        try {
            health.report(HEALTH_NAME, HealthState.DOWN, "master keys stopped; MasterKeys service withdrawn");
        } catch (RuntimeException e) {
            // Health may itself be going away during shutdown; there is no one left to tell.
            LOG.debug("Could not report keys shutdown to Health: {}", e.toString());
        }
    }

    private KeystoreMasterKeys openKeys(Config config) {
        String karafData = systemProperties.apply("karaf.data");
        if (karafData == null || karafData.isBlank()) {
            throw new HoldfastException(ErrorCode.KEYSTORE_UNAVAILABLE, "system property karaf.data is not set, so the"
                    + " data directory is unknown; nothing was opened or written");
        }
        Path holdfastData = Path.of(karafData, "holdfast");
        Path keystore = keystorePath(config.keystorePath(), holdfastData);
        PassphraseSource.Passphrase passphrase = passphrases.resolve();
        try {
            LOG.debug("Opening master keystore {} with the passphrase from {}", keystore, passphrase.origin());
            return KeystoreMasterKeys.open(keystore, passphrase.chars(), true, holdfastData);
        } finally {
            Arrays.fill(passphrase.chars(), '\0');
        }
    }

    private static Path keystorePath(String configured, Path holdfastData) {
        if (configured == null || configured.isBlank()) {
            return holdfastData.resolve("keys").resolve("master.p12");
        }
        String allowed = "an absolute file path, or empty for ${karaf.data}/holdfast/keys/master.p12";
        try {
            Path path = Path.of(configured.trim());
            if (!path.isAbsolute()) {
                throw new InvalidConfigurationException(PID, "keystorePath", allowed, "is not absolute ('" + configured + "')");
            }
            return path;
        } catch (InvalidPathException e) {
            throw new InvalidConfigurationException(PID, "keystorePath", allowed, "is not a valid path ('" + configured + "')");
        }
    }

    private void reportUp(KeystoreMasterKeys opened) {
        health.report(HEALTH_NAME, HealthState.UP, "keystore " + opened.keystorePath() + "; " + opened.describe());
    }

    private void fail(String detail) {
        withdraw();
        health.report(HEALTH_NAME, HealthState.DOWN, detail + "; MasterKeys service not registered");
    }

    private void withdraw() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                LOG.debug("MasterKeys registration already gone: {}", e.toString());
            }
            registration = null;
        }
        if (keys != null) {
            keys.close();
            keys = null;
        }
    }
}
