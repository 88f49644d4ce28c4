package io.holdfast.inventory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.store.api.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryServiceTest {
    @TempDir
    Path dir;
    private Store store;
    private RecordingHealth health;
    private InventoryService inventory;

    @BeforeEach
    void open() {
        store = TestStores.derby(dir);
        health = new RecordingHealth();
        inventory = InstalledProviders.install(new InventoryService(store, health, InventoryRules.defaults(), Clock.systemUTC()),
                InstalledProviders.SHIPPED);
    }

    @Test
    void reportsUpAndMigratesItsSchema() {
        assertThat(health.get("inventory").state()).isEqualTo(HealthState.UP);
        assertThat(health.get("inventory").detail()).contains("0 systems").contains("dev, test, int, live");
        assertThat(store.schemaVersions()).containsEntry("inventory", 1);
    }

    @Test
    void addFindListReplaceRemove() {
        inventory.add(Systems.pds());
        inventory.add(Systems.epr());
        DownstreamSystem spine = inventory.add(Systems.spine());
        assertThat(spine.credentialRef()).contains("spine-int");

        assertThat(inventory.find("pds-int")).contains(Systems.pds());
        assertThat(inventory.all()).extracting(DownstreamSystem::id).containsExactly("epr-main", "pds-int", "spine-int");

        DownstreamSystem p = Systems.pds();
        DownstreamSystem renamed = new DownstreamSystem(p.id(), "PDS renamed", p.odsCode(), p.environment(), p.transport(),
                p.format(), p.endpoint(), AuthPattern.API_KEY, Optional.of("pds-apikey"), Optional.empty());
        inventory.save(renamed);
        assertThat(inventory.require("pds-int")).isEqualTo(renamed);

        assertThat(inventory.remove("pds-int")).isTrue();
        assertThat(inventory.remove("pds-int")).isFalse();
        assertThat(inventory.find("pds-int")).isEmpty();
    }

    @Test
    void aConfigurationChangeAppliesLiveWithoutARestartAndABadOneKeepsThePreviousRules() {
        InventoryService service = new InventoryService(store, health, InventoryRules.defaults(), Clock.systemUTC());
        InstalledProviders.install(service, InstalledProviders.SHIPPED);
        DownstreamSystem p = Systems.pds();
        DownstreamSystem check = new DownstreamSystem("pds-check", "PDS check", p.odsCode(), p.environment(), "PDS_CHECK",
                p.format(), "test://pds-check", io.holdfast.api.spi.AuthPattern.NONE, Optional.empty(), p.ownerContact());
        assertThatThrownBy(() -> service.add(check)).isInstanceOf(HoldfastException.class).hasMessageContaining("PDS_CHECK");

        service.modified(InventoryRulesTest.config(new String[] {"dev", "test", "int", "live"}, new String[] {"PDS_CHECK"}, new String[0]));
        assertThat(service.add(check).transport()).isEqualTo("PDS_CHECK");
        assertThat(health.get("inventory").state()).isEqualTo(HealthState.UP);

        service.modified(InventoryRulesTest.config(new String[] {"not an environment!"}, new String[0], new String[0]));
        assertThat(health.get("inventory").state()).isEqualTo(HealthState.DEGRADED);
        assertThat(health.get("inventory").detail()).contains("environments").contains("previous rules kept");
        assertThat(service.environments()).contains("dev", "live");
        assertThat(service.save(check).transport()).as("the previous rules still allow PDS_CHECK").isEqualTo("PDS_CHECK");
    }

    @Test
    void saveOfANewIdInserts() {
        inventory.save(Systems.epr());
        assertThat(inventory.find("epr-main")).contains(Systems.epr());
    }

    @Test
    void entriesSurviveARestart() {
        inventory.add(Systems.pds());
        InventoryService again = new InventoryService(store, health, InventoryRules.defaults(), Clock.systemUTC());
        assertThat(again.find("pds-int")).contains(Systems.pds());
        assertThat(health.get("inventory").detail()).contains("1 systems");
    }

    @Test
    void duplicateAddIsRefusedAndKeepsTheOriginal() {
        inventory.add(Systems.pds());
        DownstreamSystem p = Systems.pds();
        DownstreamSystem other = new DownstreamSystem(p.id(), "Other", p.odsCode(), p.environment(), p.transport(),
                p.format(), p.endpoint(), p.authPattern(), p.credentialRef(), p.ownerContact());
        assertThatThrownBy(() -> inventory.add(other))
                .isInstanceOf(HoldfastException.class)
                .hasMessageContaining("System 'pds-int' already exists; nothing was changed");
        assertThat(inventory.require("pds-int").name()).isEqualTo(p.name());
    }

    @Test
    void invalidEntriesAreNeverStored() {
        DownstreamSystem p = Systems.pds();
        DownstreamSystem bad = new DownstreamSystem("new-one", p.name(), p.odsCode(), "prod", p.transport(), p.format(),
                p.endpoint(), p.authPattern(), p.credentialRef(), p.ownerContact());
        assertThatThrownBy(() -> inventory.save(bad)).hasMessageContaining("environment 'prod' is not one of");
        assertThatThrownBy(() -> inventory.add(bad)).hasMessageContaining("environment 'prod' is not one of");
        assertThat(inventory.all()).isEmpty();
    }

    @Test
    void unknownIdsAreReportedByName() {
        assertThat(inventory.find("nope")).isEmpty();
        assertThat(inventory.find("Not A Valid Id")).isEmpty();
        assertThat(inventory.find(null)).isEmpty();
        assertThatThrownBy(() -> inventory.require("nope"))
                .isInstanceOf(HoldfastException.class)
                .satisfies(e -> assertThat(((HoldfastException) e).errorCode()).isEqualTo(ErrorCode.UNKNOWN_SYSTEM))
                .hasMessage("Unknown system 'nope'; list the known ones with holdfast:systems");
    }

    @Test
    void configuredEnvironmentsAreOffered() {
        InventoryService custom = new InventoryService(store, health, InventoryRules.from(InventoryRulesTest.config(
                new String[] {"sandbox"}, new String[0], new String[0])), Clock.systemUTC());
        assertThat(custom.environments()).containsExactly("sandbox");
        assertThatThrownBy(() -> custom.add(Systems.pds())).hasMessageContaining("environment 'int' is not one of sandbox");
    }

    @Test
    void aPatternWithoutInstalledProviderIsRefusedWithTheReason() {
        DownstreamSystem ers = new DownstreamSystem("ers-int", "e-RS", Optional.empty(), "int", "HTTP",
                io.holdfast.api.message.WireFormat.fhirR4(), "https://int.api.service.nhs.uk/referrals/FHIR/R4",
                AuthPattern.CIS2_USER, Optional.empty(), Optional.empty());
        assertThatThrownBy(() -> inventory.add(ers)).isInstanceOfSatisfying(HoldfastException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
            assertThat(e.getMessage()).isEqualTo("System 'ers-int' is invalid, nothing was saved: auth pattern CIS2_USER has no"
                    + " working provider installed (installed: TLS_MUTUAL, OAUTH2_SIGNED_JWT, ORG_CREDENTIALS, API_KEY, NONE),"
                    + " so nothing could be delivered to this system; choose one of those, or install the bundle that provides"
                    + " CIS2_USER (the system becomes valid as soon as it is)");
        });
        assertThatThrownBy(() -> inventory.save(ers)).hasMessageContaining("CIS2_USER has no working provider installed");
        assertThat(inventory.find("ers-int")).isEmpty();

        // A provider bundle installed later: the same entry is accepted from then on.
        inventory.addAuthProvider(InstalledProviders.provider(AuthPattern.CIS2_USER), java.util.Map.of());
        assertThat(inventory.add(ers).authPattern()).isEqualTo(AuthPattern.CIS2_USER);
        assertThat(inventory.problems(ers)).isEmpty();
    }

    @Test
    void aStoredSystemIsInvalidWhileItsProviderIsGoneAndValidWhenItReturns() {
        DownstreamSystem pds = inventory.add(Systems.pds());
        AuthPattern pattern = pds.authPattern();
        java.util.Map<String, Object> properties = java.util.Map.of("holdfast.auth.pattern", pattern.name());
        io.holdfast.api.spi.AuthProvider second = InstalledProviders.provider(pattern);
        inventory.addAuthProvider(second, properties);
        inventory.removeAuthProvider(second, properties);
        assertThat(inventory.problems(pds)).as("another provider of the pattern is still there").isEmpty();

        inventory.removeAuthProvider(InstalledProviders.provider(pattern), properties);
        assertThat(inventory.problems(pds)).singleElement().asString()
                .startsWith("auth pattern " + pattern + " has no working provider installed");
        assertThat(inventory.find(pds.id())).as("still stored, shown as invalid").contains(pds);

        inventory.addAuthProvider(InstalledProviders.provider(pattern), properties);
        assertThat(inventory.problems(pds)).isEmpty();
    }
}
