package io.holdfast.inventory.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.inventory.internal.InventoryService;
import io.holdfast.inventory.internal.InstalledProviders;
import io.holdfast.inventory.internal.TestInventories;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryCommandsTest {
    @TempDir
    Path dir;
    private Inventory inventory;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void open() {
        inventory = TestInventories.derby(dir);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** What Karaf prints for a failed command: exactly one line, the exception's message. */
    private static void failsWith(org.apache.karaf.shell.api.action.Action command, String line) {
        assertThatThrownBy(command::execute).isInstanceOf(CommandException.class).hasMessage(line);
    }

    private SystemAddCommand add(String id, String auth) {
        SystemAddCommand c = new SystemAddCommand();
        c.inventory = inventory;
        c.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        c.id = id;
        c.name = "PDS";
        c.odsCode = "x26";
        c.environment = "int";
        c.transport = "http";
        c.format = "FHIR:R4";
        c.endpoint = "https://int.api.service.nhs.uk/personal-demographics/FHIR/R4";
        c.authPattern = auth;
        return c;
    }

    @Test
    void addListShowRemove() throws Exception {
        add("pds-int", "oauth2_signed_jwt").execute();
        assertThat(out()).isEqualTo("Added system pds-int (int, HTTP, FHIR:R4, OAUTH2_SIGNED_JWT, credential ref pds-int)\n");

        SystemsCommand list = new SystemsCommand();
        list.inventory = inventory;
        list.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        list.execute();
        assertThat(out()).contains("ID", "Transport", "pds-int", "PDS", "OAUTH2_SIGNED_JWT", "Status", "valid");

        out.reset();
        SystemShowCommand show = new SystemShowCommand();
        show.inventory = inventory;
        show.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        show.id = "pds-int";
        show.execute();
        assertThat(out()).contains("ODS code", "X26", "credential ref", "owner contact", "status", "valid");

        out.reset();
        SystemRemoveCommand remove = new SystemRemoveCommand();
        remove.inventory = inventory;
        remove.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        remove.id = "pds-int";
        remove.execute();
        assertThat(out()).isEqualTo("Removed system pds-int\n");
        failsWith(remove, "HF-500 Unknown system 'pds-int'; nothing was removed. List the known ones with holdfast:systems");
    }

    @Test
    void wrongInputFailsWithOneLineAndTheErrorCode() throws Exception {
        failsWith(add("pds-int", "OAUTH"), "HF-200 auth pattern 'OAUTH' is not one of TLS_MUTUAL, OAUTH2_SIGNED_JWT, CIS2_USER,"
                + " ORG_CREDENTIALS, API_KEY, NONE; nothing was saved");
        SystemAddCommand bad = add("pds-int", "API_KEY");
        bad.environment = "prod";
        assertThatThrownBy(bad::execute).isInstanceOf(CommandException.class)
                .hasMessageStartingWith("HF-200 System 'pds-int' is invalid, nothing was saved: environment 'prod'")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("Exception").doesNotContain("\tat ").hasLineCount(1));
        add("pds-int", "API_KEY").execute();
        assertThatThrownBy(add("pds-int", "API_KEY")::execute).isInstanceOf(CommandException.class)
                .hasMessageContaining("already exists").satisfies(e -> assertThat(e.getMessage()).hasLineCount(1));
        SystemAddCommand replace = add("pds-int", "NONE");
        replace.replace = true;
        replace.execute();
        assertThat(out()).contains("Saved system pds-int (int, HTTP, FHIR:R4, NONE)");

        SystemShowCommand show = new SystemShowCommand();
        show.inventory = inventory;
        show.id = "unknown";
        failsWith(show, "HF-500 Unknown system 'unknown'; list the known ones with holdfast:systems");
    }

    @Test
    void aPatternWithoutProviderIsRefusedAndAStoredOneShownInvalid() throws Exception {
        assertThatThrownBy(add("ers-int", "CIS2_USER")::execute).isInstanceOf(CommandException.class)
                .hasMessageStartingWith("HF-200 System 'ers-int' is invalid, nothing was saved: auth pattern CIS2_USER has no"
                        + " working provider installed (installed: TLS_MUTUAL, OAUTH2_SIGNED_JWT, ORG_CREDENTIALS, API_KEY, NONE)");

        add("sds-int", "API_KEY").execute();
        ((InventoryService) inventory).removeAuthProvider(InstalledProviders.provider(AuthPattern.API_KEY), Map.of());
        out.reset();
        SystemsCommand list = new SystemsCommand();
        list.inventory = inventory;
        list.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        list.execute();
        assertThat(out()).contains("sds-int").contains("INVALID: auth pattern API_KEY has no working provider installed");

        out.reset();
        SystemShowCommand show = new SystemShowCommand();
        show.inventory = inventory;
        show.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        show.id = "sds-int";
        show.execute();
        assertThat(out()).contains("status").contains("INVALID: auth pattern API_KEY has no working provider installed");
    }

    @Test
    void exportWritesCsvOrJsonToConsoleOrFile() throws Exception {
        add("pds-int", "API_KEY").execute();
        out.reset();
        SystemsExportCommand export = new SystemsExportCommand();
        export.inventory = inventory;
        export.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        export.execute();
        assertThat(out()).startsWith("id,name,ods_code").contains("pds-int,PDS,X26,int,HTTP");

        out.reset();
        export.format = "json";
        export.output = dir.resolve("systems.json").toString();
        export.execute();
        assertThat(out()).startsWith("Exported 1 systems to ");
        assertThat(Files.readString(dir.resolve("systems.json"))).contains("\"id\" : \"pds-int\"");

        export.format = "xml";
        failsWith(export, "HF-200 export format 'xml' is not one of csv, json");
        export.format = "csv";
        export.output = dir.resolve("no-such-folder").resolve("systems.csv").toString();
        assertThatThrownBy(export::execute).isInstanceOf(CommandException.class)
                .hasMessageStartingWith("HF-200 Could not write " + export.output).hasMessageEndingWith("; nothing was exported");
    }
}
