package io.holdfast.inventory.internal.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.Inventory;
import io.holdfast.inventory.internal.TestInventories;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryCommandsTest {
    @TempDir
    Path dir;
    private Inventory inventory;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void open() {
        inventory = TestInventories.derby(dir);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private SystemAddCommand add(String id, String auth) {
        SystemAddCommand c = new SystemAddCommand();
        c.inventory = inventory;
        c.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        c.err = new PrintStream(err, true, StandardCharsets.UTF_8);
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
    void addListShowRemove() {
        add("pds-int", "oauth2_signed_jwt").execute();
        assertThat(out()).isEqualTo("Added system pds-int (int, HTTP, FHIR:R4, OAUTH2_SIGNED_JWT, credential ref pds-int)\n");
        assertThat(err()).isEmpty();

        SystemsCommand list = new SystemsCommand();
        list.inventory = inventory;
        list.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        list.execute();
        assertThat(out()).contains("ID", "Transport", "pds-int", "PDS", "OAUTH2_SIGNED_JWT");

        out.reset();
        SystemShowCommand show = new SystemShowCommand();
        show.inventory = inventory;
        show.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        show.id = "pds-int";
        show.execute();
        assertThat(out()).contains("ODS code", "X26", "credential ref", "owner contact");

        out.reset();
        SystemRemoveCommand remove = new SystemRemoveCommand();
        remove.inventory = inventory;
        remove.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        remove.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        remove.id = "pds-int";
        remove.execute();
        assertThat(out()).isEqualTo("Removed system pds-int\n");
        remove.execute();
        assertThat(err()).isEqualTo("HF-500 Unknown system 'pds-int'; nothing was removed. List the known ones with holdfast:systems\n");
    }

    @Test
    void wrongInputPrintsOneLineWithTheErrorCode() {
        add("pds-int", "OAUTH").execute();
        assertThat(err()).isEqualTo("HF-200 auth pattern 'OAUTH' is not one of TLS_MUTUAL, OAUTH2_SIGNED_JWT, CIS2_USER,"
                + " ORG_CREDENTIALS, API_KEY, NONE; nothing was saved\n");
        err.reset();
        SystemAddCommand bad = add("pds-int", "API_KEY");
        bad.environment = "prod";
        bad.execute();
        assertThat(err()).startsWith("HF-200 System 'pds-int' is invalid, nothing was saved: environment 'prod'")
                .doesNotContain("Exception").doesNotContain("\tat ").hasLineCount(1);
        err.reset();
        add("pds-int", "API_KEY").execute();
        add("pds-int", "API_KEY").execute();
        assertThat(err()).contains("already exists").hasLineCount(1);
        err.reset();
        SystemAddCommand replace = add("pds-int", "NONE");
        replace.replace = true;
        replace.execute();
        assertThat(err()).isEmpty();
        assertThat(out()).contains("Saved system pds-int (int, HTTP, FHIR:R4, NONE)");

        err.reset();
        SystemShowCommand show = new SystemShowCommand();
        show.inventory = inventory;
        show.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        show.id = "unknown";
        show.execute();
        assertThat(err()).isEqualTo("HF-500 Unknown system 'unknown'; list the known ones with holdfast:systems\n");
    }

    @Test
    void exportWritesCsvOrJsonToConsoleOrFile() throws Exception {
        add("pds-int", "API_KEY").execute();
        out.reset();
        SystemsExportCommand export = new SystemsExportCommand();
        export.inventory = inventory;
        export.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        export.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        export.execute();
        assertThat(out()).startsWith("id,name,ods_code").contains("pds-int,PDS,X26,int,HTTP");

        out.reset();
        export.format = "json";
        export.output = dir.resolve("systems.json").toString();
        export.execute();
        assertThat(out()).startsWith("Exported 1 systems to ");
        assertThat(Files.readString(dir.resolve("systems.json"))).contains("\"id\" : \"pds-int\"");

        export.format = "xml";
        export.execute();
        assertThat(err()).isEqualTo("HF-200 export format 'xml' is not one of csv, json\n");
    }
}
