package io.holdfast.testkit.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributionFilesTest {
    @TempDir
    Path dir;

    @Test
    void aPropertyIsReplacedWhereItIsAndAppendedWhenItIsNot() throws Exception {
        Path cfg = dir.resolve("org.apache.karaf.shell.cfg");
        Files.write(cfg, List.of("# ssh", "sshPort = 8101", "sshHostX=1"), StandardCharsets.ISO_8859_1);

        DistributionFiles.setProperty(cfg, "sshPort", "40001");
        DistributionFiles.setProperty(cfg, "sshHost", "127.0.0.1");

        assertThat(Files.readAllLines(cfg)).containsExactly("# ssh", "sshPort = 40001", "sshHostX=1", "sshHost = 127.0.0.1");
    }

    @Test
    void aConfigFileIsWrittenWholeAndATreeDeleted() throws Exception {
        Path etc = Files.createDirectories(dir.resolve("dist/etc"));
        DistributionFiles.writeConfig(etc.resolve("io.holdfast.route-a.cfg"), Map.of("targets", "epr"));

        assertThat(Files.readString(etc.resolve("io.holdfast.route-a.cfg"))).isEqualTo("targets = epr\n");
        DistributionFiles.deleteTree(dir.resolve("dist"));
        assertThat(dir.resolve("dist")).doesNotExist();
        DistributionFiles.deleteTree(dir.resolve("dist"));
    }
}
