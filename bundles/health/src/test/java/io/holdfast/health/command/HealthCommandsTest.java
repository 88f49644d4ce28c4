package io.holdfast.health.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Journal;
import io.holdfast.health.internal.HealthRegistry;
import io.holdfast.health.internal.KernelAlerts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

class HealthCommandsTest {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final KernelAlerts alerts = new KernelAlerts(new SimpleMeterRegistry());
    private final HealthRegistry health = new HealthRegistry();

    private String output() {
        return buffer.toString(StandardCharsets.UTF_8);
    }

    private AlertsCommand alertsCommand(boolean json) {
        AlertsCommand c = new AlertsCommand();
        c.alerts = alerts;
        c.json = json;
        c.out = out;
        return c;
    }

    private StatusCommand statusCommand() {
        StatusCommand c = new StatusCommand();
        c.health = health;
        c.alerts = alerts;
        c.out = out;
        return c;
    }

    @Test
    void alertsListsActiveAlertsMostSevereFirst() throws Exception {
        assertThat(alertsCommand(false).execute()).isNull();
        assertThat(output()).contains("No active alerts");

        alerts.raise("cert:int/spine-int", AlertSeverity.WARNING, "credentials", "certificate CN=spine expires 2026-07-01");
        alerts.raise("disk:data-folder", AlertSeverity.CRITICAL, "journal", "2% free");
        alertsCommand(false).execute();
        String table = output().substring(output().indexOf("Severity"));
        assertThat(table).contains("Key").contains("Source").contains("Since").contains("certificate CN=spine expires 2026-07-01");
        assertThat(table.indexOf("disk:data-folder")).isLessThan(table.indexOf("cert:int/spine-int"));
    }

    @Test
    void alertsAsJson() throws Exception {
        alerts.raise("disk:data-folder", AlertSeverity.CRITICAL, "journal", "2% free \"quoted\"");
        alertsCommand(true).execute();
        JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(output());
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).get("key").asText()).isEqualTo("disk:data-folder");
        assertThat(json.get(0).get("severity").asText()).isEqualTo("CRITICAL");
        assertThat(json.get(0).get("text").asText()).isEqualTo("2% free \"quoted\"");
        assertThat(json.get(0).get("raisedAt").asText()).isNotBlank();
    }

    @Test
    void statusShowsComponentsAndActiveAlerts() throws Exception {
        health.report("store", HealthState.UP, "DERBY at jdbc:derby:x");
        alerts.raise("disk:data-folder", AlertSeverity.WARNING, "journal", "9% free");
        statusCommand().execute();
        assertThat(output()).contains("Holdfast: UP").contains("store").contains("Alerts: 1 active")
                .contains("disk:data-folder").contains("9% free").contains("Journal: not available");
    }

    @Test
    void statusFailsWithOneLineWhenCountsCannotBeRead() {
        StatusCommand status = statusCommand();
        status.journal = (Journal) Proxy.newProxyInstance(Journal.class.getClassLoader(), new Class<?>[] {Journal.class},
                (proxy, method, args) -> {
                    throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "The database at x is unavailable");
                });
        assertThatThrownBy(status::execute).isInstanceOf(CommandException.class)
                .hasMessage("HF-300 The database at x is unavailable");
        assertThat(output()).as("the states were printed first").contains("Holdfast: UP");
    }
}
