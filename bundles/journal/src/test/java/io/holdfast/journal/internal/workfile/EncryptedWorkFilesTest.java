package io.holdfast.journal.internal.workfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.journal.internal.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EncryptedWorkFilesTest {
    private static final String OWNER = "mesh-X26ABC2";

    @TempDir
    Path root;

    private EncryptedWorkFiles files() {
        return new EncryptedWorkFiles(root, new TestKeys());
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        new Random(n).nextBytes(b);
        return b;
    }

    private static void write(WorkFiles files, String name, byte[] content) throws IOException {
        try (WorkFiles.PendingWorkFile f = files.create(OWNER, name)) {
            f.write(content);
            f.commit();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_536, 65_537, 300_000})
    void roundTripsAnySizeAndReportsThePlaintextSize(int size) throws IOException {
        EncryptedWorkFiles files = files();
        byte[] content = bytes(size);
        write(files, "m.dat", content);
        try (InputStream in = files.open(OWNER, "m.dat")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(files.size(OWNER, "m.dat")).hasValue(size);
        assertThat(files.list(OWNER)).containsExactly("m.dat");
    }

    @Test
    void storesNoPlaintextAndFilesArePrivateFromCreation() throws IOException {
        EncryptedWorkFiles files = files();
        byte[] content = "PID|||9434765919^^^NHS||SMITH^JOHN".repeat(100).getBytes(StandardCharsets.US_ASCII);
        try (WorkFiles.PendingWorkFile f = files.create(OWNER, "m.dat")) {
            f.write(content);
            Path temp = onlyFile(root.resolve(OWNER));
            assertThat(Files.getPosixFilePermissions(temp)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE);
            f.commit();
        }
        Path stored = root.resolve(OWNER).resolve("m.dat");
        assertThat(new String(Files.readAllBytes(stored), StandardCharsets.ISO_8859_1)).doesNotContain("9434765919", "SMITH");
        assertThat(Files.getPosixFilePermissions(stored)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(root.resolve(OWNER))).isEqualTo(Set.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
    }

    @Test
    void aFileClosedWithoutCommitIsDiscardedAndInvisible() throws IOException {
        EncryptedWorkFiles files = files();
        try (WorkFiles.PendingWorkFile f = files.create(OWNER, "m.dat")) {
            f.write(bytes(1000));
        }
        assertThat(files.list(OWNER)).isEmpty();
        assertThat(files.size(OWNER, "m.dat")).isEmpty();
        assertThat(root.resolve(OWNER)).isEmptyDirectory();
        assertThatThrownBy(() -> files.open(OWNER, "m.dat")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void partialFilesLeftByACrashAreDiscardedAtStart() throws IOException {
        EncryptedWorkFiles files = files();
        write(files, "kept.dat", bytes(10));
        WorkFiles.PendingWorkFile crashed = files.create(OWNER, "m.dat");
        crashed.write(bytes(70_000));
        // The process dies here: no commit, no close.
        assertThat(files.list(OWNER)).containsExactly("kept.dat");
        assertThat(files().discardPartial()).isEqualTo(1);
        try (Stream<Path> left = Files.list(root.resolve(OWNER))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("kept.dat");
        }
    }

    @Test
    void aCommittedFileReplacesTheOldOneAndDeleteRemovesIt() throws IOException {
        EncryptedWorkFiles files = files();
        write(files, "m.dat", bytes(5));
        write(files, "m.dat", "new".getBytes(StandardCharsets.US_ASCII));
        try (InputStream in = files.open(OWNER, "m.dat")) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("new");
        }
        assertThat(files.delete(OWNER, "m.dat")).isTrue();
        assertThat(files.delete(OWNER, "m.dat")).isFalse();
    }

    @Test
    void aFileRenamedOnDiskDoesNotDecrypt() throws IOException {
        EncryptedWorkFiles files = files();
        write(files, "a.dat", bytes(100));
        Files.copy(root.resolve(OWNER).resolve("a.dat"), root.resolve(OWNER).resolve("b.dat"));
        assertThatThrownBy(() -> {
            try (InputStream in = files.open(OWNER, "b.dat")) {
                in.readAllBytes();
            }
        }).hasMessageContaining("failed authentication");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../escape", "..", ".hidden", "a/b", "/etc/passwd", "a\\b", "", "x y"})
    void namesThatCouldLeaveTheFolderAreRefused(String name) {
        EncryptedWorkFiles files = files();
        assertThatThrownBy(() -> files.create(OWNER, name)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.open(OWNER, name)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> files.create(name, "m.dat")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usableSpaceIsThatOfTheFileStore() throws IOException {
        assertThat(files().usableSpace(OWNER)).isPositive().isCloseTo(Files.getFileStore(root).getUsableSpace(), org.assertj.core.api.Assertions.within(64L << 20));
    }

    private static Path onlyFile(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findFirst().orElseThrow();
        }
    }
}
