package io.holdfast.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.store.api.Dialect;
import io.holdfast.store.api.Migration;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStoreTest {
    @TempDir
    Path dir;

    private EmbeddedDataSource derby(Path db) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(db.toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    private static final List<Migration> V2 = List.of(
            Migration.of(1, "things", "CREATE TABLE thing (id ${IDENTITY} PRIMARY KEY, body ${BINARY}, note VARCHAR(20))"),
            Migration.of(2, "thing name", "ALTER TABLE thing ADD COLUMN name VARCHAR(40)"));

    @Test
    void migrationsApplyOnceAndAreSafeOnRestart() throws Exception {
        EmbeddedDataSource ds = derby(dir.resolve("db"));
        JdbcStore store = new JdbcStore(ds, "test");
        assertThat(store.dialect()).isEqualTo(Dialect.DERBY);
        assertThat(store.migrate("things", V2.subList(0, 1))).isEqualTo(1);
        assertThat(store.migrate("things", V2)).isEqualTo(2);
        JdbcStore reopened = new JdbcStore(ds, "test");
        assertThat(reopened.migrate("things", V2)).isEqualTo(2);
        assertThat(reopened.schemaVersions()).containsEntry("things", 2);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO thing (note, name) VALUES ('a', 'b')");
        }
    }

    @Test
    void failedMigrationRollsBackAndKeepsVersion() {
        JdbcStore store = new JdbcStore(derby(dir.resolve("db")), "test");
        store.migrate("things", V2.subList(0, 1));
        List<Migration> broken = List.of(V2.get(0),
                Migration.of(2, "half", "ALTER TABLE thing ADD COLUMN extra INTEGER", "THIS IS NOT SQL"));
        assertThatThrownBy(() -> store.migrate("things", broken))
                .isInstanceOf(HoldfastException.class).hasMessageContaining("rolled back");
        assertThat(store.schemaVersions()).containsEntry("things", 1);
        assertThat(store.migrate("things", V2)).isEqualTo(2);
    }

    @Test
    void refusesADatabaseNewerThanTheCode() {
        JdbcStore store = new JdbcStore(derby(dir.resolve("db")), "test");
        store.migrate("things", V2);
        assertThatThrownBy(() -> store.migrate("things", V2.subList(0, 1)))
                .isInstanceOfSatisfying(HoldfastException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SCHEMA_TOO_NEW));
    }

    @Test
    void detectsADatabaseHeldByAnotherProcess() throws Exception {
        Path db = dir.resolve("held");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DerbyHolder.class.getName(), db.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(r.readLine()).isEqualTo("HOLDING");
            assertThatThrownBy(() -> new JdbcStore(derby(db), db.toString()))
                    .isInstanceOfSatisfying(HoldfastException.class, e -> {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.STORE_LOCKED);
                        assertThat(e.getMessage()).contains("in use by another process").contains(db.toString());
                    });
        } finally {
            holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * Derby refuses to boot when its log is cut inside a record. (A cut right after the log header
     * makes Derby silently lose the tail; the journal's head watermark catches that case.)
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 5000})
    void damagedLogIsReportedAndNothingIsRecreated(int truncateTo) throws Exception {
        Path db = dir.resolve("damaged");
        EmbeddedDataSource ds = derby(db);
        JdbcStore store = new JdbcStore(ds, "test");
        store.migrate("things", V2);
        // Snapshot the files of the open database: like a crash, the copy needs log recovery.
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < 500; i++) {
                s.executeUpdate("INSERT INTO thing (note) VALUES ('row" + i + "')");
            }
        }
        Path copy = dir.resolve("copy");
        copyTree(db, copy);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO thing (note) VALUES ('x')");
        }
        Path log = Files.list(copy.resolve("log")).filter(p -> p.getFileName().toString().matches("log\\d+\\.dat"))
                .max(Path::compareTo).orElseThrow();
        byte[] bytes = Files.readAllBytes(log);
        Files.write(log, java.util.Arrays.copyOf(bytes, truncateTo));
        byte[] logBefore = Files.readAllBytes(log);
        java.util.Map<Path, String> dataBefore = digests(copy.resolve("seg0"));
        assertThat(copy.resolve("db.lck")).as("the snapshot looks like a crashed database").exists();
        assertThatThrownBy(() -> new JdbcStore(derby(copy), copy.toString(), java.util.Optional.of(copy)))
                .isInstanceOfSatisfying(HoldfastException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.STORE_CORRUPT);
                    assertThat(e.getMessage()).contains("Nothing was");
                });
        // Derby rewrites the log tail while it tries recovery; the guard puts the original back,
        // and no data file was rewritten or re-created.
        assertThat(Files.readAllBytes(log)).isEqualTo(logBefore);
        assertThat(dir.resolve("copy." + DerbyBootGuard.SAVED)).doesNotExist();
        assertThat(digests(copy.resolve("seg0"))).isEqualTo(dataBefore);
    }

    private static java.util.Map<Path, String> digests(Path dir) throws Exception {
        java.util.Map<Path, String> out = new java.util.TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                out.put(f.getFileName(), java.util.HexFormat.of().formatHex(
                        java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
            }
        }
        return out;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void unreachableDatabaseIsUnavailableNotCreated() {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(dir.resolve("absent").toString());
        assertThatThrownBy(() -> new JdbcStore(ds, "absent"))
                .isInstanceOfSatisfying(HoldfastException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.STORE_UNAVAILABLE));
        assertThat(dir.resolve("absent")).doesNotExist();
    }

    @Test
    void dialectExpandsPlaceholdersAndDetectsDuplicates() throws Exception {
        assertThat(Dialect.POSTGRESQL.expand("x ${BINARY} ${TEXT}")).isEqualTo("x BYTEA TEXT");
        EmbeddedDataSource ds = derby(dir.resolve("db"));
        JdbcStore store = new JdbcStore(ds, "t");
        store.migrate("u", List.of(Migration.of(1, "u", "CREATE TABLE u (k VARCHAR(10) PRIMARY KEY)")));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO u VALUES ('a')");
            assertThatThrownBy(() -> s.executeUpdate("INSERT INTO u VALUES ('a')"))
                    .satisfies(e -> assertThat(Dialect.DERBY.isDuplicateKey((java.sql.SQLException) e)).isTrue());
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM u")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}
