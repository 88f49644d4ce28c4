package io.holdfast.store.internal;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.store.api.Dialect;
import io.holdfast.store.api.Store;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the store over the pax-jdbc DataSource named {@code holdfast} and registers {@link Store}
 * only if that worked, so nothing downstream half-starts on a locked or damaged database.
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=io.holdfast.store.api.Store", uses = {Store.class})
@Component(immediate = true)
public class StoreComponent {
    private static final Logger LOG = LoggerFactory.getLogger(StoreComponent.class);
    static final String HEALTH_NAME = "store";

    private DataSource dataSource;

    /** pax-jdbc-config publishes the datasource configuration, including the JDBC url, as service properties. */
    private Map<String, Object> dataSourceProperties = Map.of();

    @Reference(target = "(dataSourceName=holdfast)")
    void bindDataSource(DataSource ds, Map<String, Object> properties) {
        this.dataSource = ds;
        this.dataSourceProperties = properties;
    }

    @Reference
    Health health;

    private ServiceRegistration<Store> registration;

    @Activate
    void activate(BundleContext context) {
        // Never connect before the boot guard has protected the database files.
        String location = String.valueOf(dataSourceProperties.getOrDefault("url", "datasource 'holdfast'"));
        try {
            JdbcStore store = new JdbcStore(dataSource, location, derbyDirectory(dataSourceProperties.get("url")));
            store.onMigrated(() -> reportUp(store, location));
            reportUp(store, location);
            registration = context.registerService(Store.class, store, null);
        } catch (HoldfastException e) {
            health.report(HEALTH_NAME, HealthState.DOWN, e.describe());
            LOG.error("Store not started: {}", e.describe());
        }
    }

    /** UP (or DEGRADED without derby.system.home) with the location and every module's schema version. */
    private void reportUp(JdbcStore store, String location) {
        String warning = derbyHomeWarning(store);
        health.report(HEALTH_NAME, warning == null ? HealthState.UP : HealthState.DEGRADED,
                store.dialect() + " at " + location + "; schema " + store.schemaVersions()
                        + (warning == null ? "" : "; " + warning));
    }

    private static String derbyHomeWarning(JdbcStore store) {
        if (store.dialect() == Dialect.DERBY && System.getProperty("derby.system.home") == null) {
            return "derby.system.home is not set, so derby.log is written to the working directory";
        }
        return null;
    }

    /** The on-disk directory of an embedded Derby url, resolved against derby.system.home when relative. */
    static Optional<Path> derbyDirectory(Object url) {
        if (!(url instanceof String u) || !u.startsWith("jdbc:derby:") || u.startsWith("jdbc:derby://")) {
            return Optional.empty();
        }
        String name = u.substring("jdbc:derby:".length());
        int semi = name.indexOf(';');
        name = semi < 0 ? name : name.substring(0, semi);
        if (name.startsWith("directory:")) {
            name = name.substring("directory:".length());
        } else if (name.matches("^[a-z]+:.*") && !name.matches("^[A-Za-z]:[\\\\/].*")) {
            return Optional.empty(); // memory:, jar:, classpath: databases have no log to protect
        }
        Path p = Path.of(name);
        String home = System.getProperty("derby.system.home");
        return Optional.of(p.isAbsolute() || home == null ? p : Path.of(home).resolve(p));
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
    }
}
