package io.holdfast.inventory.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.store.api.Dialect;
import io.holdfast.store.api.Store;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Inventory} service: entries are normalised, validated field by field, and stored in
 * {@code inventory_system} in the kernel database. Reports itself to {@link Health} as
 * {@value #COMPONENT}.
 *
 * <p>It follows the registered {@link AuthProvider}s: a system is refused when no provider of its auth
 * pattern is installed at that moment (its deliveries would wait forever), and a stored system whose
 * provider is gone is reported by {@link #problems} until one is installed again.
 */
@Component(service = Inventory.class, configurationPid = InventoryConfig.PID)
@Designate(ocd = InventoryConfig.class)
public class InventoryService implements Inventory {
    static final String COMPONENT = "inventory";
    private static final Logger LOG = LoggerFactory.getLogger(InventoryService.class);

    private final SystemRepository repository;
    private final Dialect dialect;
    private final InstalledAuthPatterns authPatterns = new InstalledAuthPatterns();
    private final Health health;
    /** Rules and the validator made from them, swapped together by a configuration change. */
    private volatile Checks checks;

    private record Checks(InventoryRules rules, SystemValidator validator) {
    }

    @Activate
    public InventoryService(@Reference Store store, @Reference Health health, InventoryConfig config) {
        this(store, health, rules(config, health), Clock.systemUTC());
    }

    InventoryService(Store store, Health health, InventoryRules rules, Clock clock) {
        this.health = health;
        this.checks = new Checks(rules, new SystemValidator(rules, authPatterns));
        this.dialect = store.dialect();
        this.repository = new SystemRepository(store.dataSource(), clock);
        try {
            store.migrate(InventorySchema.MODULE, InventorySchema.MIGRATIONS);
            int count = repository.all().size();
            health.report(COMPONENT, HealthState.UP, count + " systems; environments " + String.join(", ", rules.environments()));
        } catch (HoldfastException e) {
            health.report(COMPONENT, HealthState.DOWN, e.describe());
            throw e;
        } catch (SQLException e) {
            HoldfastException error = storeError("open the inventory", e);
            health.report(COMPONENT, HealthState.DOWN, error.describe());
            throw error;
        }
    }

    /**
     * Applies changed environments, transports and formats live, so a configuration change (Karaf's file installer
     * re-applies every file at boot) does not restart the inventory and every component that uses it. An invalid
     * change keeps the previous rules and reports DEGRADED with PID, key and allowed values. Stored systems are not
     * re-checked: one whose transport or environment the new rules lack is refused at its next save.
     */
    @Modified
    void modified(InventoryConfig config) {
        InventoryRules next;
        try {
            next = InventoryRules.from(config);
        } catch (HoldfastException e) {
            LOG.error("Inventory: configuration change rejected, previous rules kept: {}", e.describe());
            health.report(COMPONENT, HealthState.DEGRADED, e.describe() + "; previous rules kept");
            return;
        }
        checks = new Checks(next, new SystemValidator(next, authPatterns));
        health.report(COMPONENT, HealthState.UP, all().size() + " systems; environments " + String.join(", ", next.environments()));
    }

    private static InventoryRules rules(InventoryConfig config, Health health) {
        try {
            return InventoryRules.from(config);
        } catch (HoldfastException e) {
            health.report(COMPONENT, HealthState.DOWN, e.describe());
            throw e;
        }
    }

    @Override
    public Optional<DownstreamSystem> find(String id) {
        String key = id == null ? "" : id.trim();
        if (!SystemValidator.ID.matcher(key).matches()) {
            return Optional.empty();
        }
        try {
            return repository.find(key);
        } catch (SQLException e) {
            throw storeError("read system '" + key + "'", e);
        }
    }

    @Override
    public List<DownstreamSystem> all() {
        try {
            return repository.all();
        } catch (SQLException e) {
            throw storeError("list systems", e);
        }
    }

    @Override
    public DownstreamSystem save(DownstreamSystem system) {
        DownstreamSystem s = validated(system);
        try {
            if (!repository.update(s)) {
                insertOrReplace(s);
            }
        } catch (SQLException e) {
            throw storeError("save system '" + s.id() + "'", e);
        }
        LOG.info("Inventory: saved system {} ({}, {}, {})", s.id(), s.environment(), s.transport(), s.authPattern());
        return s;
    }

    private void insertOrReplace(DownstreamSystem s) throws SQLException {
        try {
            repository.insert(s);
        } catch (SQLException e) {
            if (!dialect.isDuplicateKey(e)) {
                throw e;
            }
            repository.update(s); // another node inserted it meanwhile: replace, as save promises
        }
    }

    @Override
    public DownstreamSystem add(DownstreamSystem system) {
        DownstreamSystem s = validated(system);
        try {
            repository.insert(s);
        } catch (SQLException e) {
            if (dialect.isDuplicateKey(e)) {
                throw new HoldfastException(ErrorCode.INVALID_CONFIGURATION, "System '" + s.id()
                        + "' already exists; nothing was changed. Choose another id, or replace the entry (system-add --replace)");
            }
            throw storeError("add system '" + s.id() + "'", e);
        }
        LOG.info("Inventory: added system {} ({}, {}, {})", s.id(), s.environment(), s.transport(), s.authPattern());
        return s;
    }

    @Override
    public boolean remove(String id) {
        Optional<DownstreamSystem> existing = find(id);
        if (existing.isEmpty()) {
            return false;
        }
        try {
            boolean removed = repository.delete(existing.get().id());
            if (removed) {
                LOG.info("Inventory: removed system {}", existing.get().id());
            }
            return removed;
        } catch (SQLException e) {
            throw storeError("remove system '" + id + "'", e);
        }
    }

    /**
     * Follows providers by their service properties only, never taking the service object: the shipped providers need
     * the vault, the vault needs this inventory, and getting a provider while this component activates made that
     * cycle fail in SCR at random boots (the providers' instantiation failed and the inventory, the dispatcher and the
     * credentials commands then saw no provider at all). Providers declare {@value InstalledAuthPatterns#PROPERTY}.
     */
    @Reference(service = AuthProvider.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + InstalledAuthPatterns.PROPERTY + "=*)", unbind = "removeAuthPattern")
    public void addAuthPattern(Map<String, Object> properties) {
        authPatterns.added(properties);
    }

    public void removeAuthPattern(Map<String, Object> properties) {
        authPatterns.removed(properties);
    }

    /** For tests and plain-JVM wiring (testkit), where there is no service registry to read properties from. */
    public void addAuthProvider(AuthProvider provider, Map<String, Object> properties) {
        authPatterns.added(provider, properties);
    }

    public void removeAuthProvider(AuthProvider provider, Map<String, Object> properties) {
        authPatterns.removed(provider, properties);
    }

    @Override
    public List<String> problems(DownstreamSystem system) {
        return authPatterns.problem(system.authPattern()).stream().toList();
    }

    @Override
    public List<String> environments() {
        return checks.rules().environments();
    }

    private DownstreamSystem validated(DownstreamSystem system) {
        SystemValidator validator = checks.validator();
        DownstreamSystem s = validator.normalise(system);
        validator.check(s);
        return s;
    }

    private static HoldfastException storeError(String action, SQLException e) {
        return new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "Could not " + action + " (SQLState " + e.getSQLState()
                + ": " + e.getMessage() + "); nothing was changed. Check holdfast:status for the store", e);
    }
}
