import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * bin/holdfast-init: the one explicit first initialisation of a Holdfast distribution. Run with Java's
 * single-file source launcher (JDK 17) by bin/holdfast-init, with Derby's jar from system/ on the class path.
 * Creates, each only if missing: the master key file (mode 600), the Derby database, the first admin user
 * (hashed password, group holdfast-admins); then opens the remote shell and HTTP (both stay closed on a
 * distribution that was never initialised). Nothing existing is overwritten.
 */
public final class HoldfastInit {
    private static final int MIN_PASSWORD = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Path home;
    private Path keyFile;
    private String admin = "admin";
    private String passwordSource = "prompt";

    public static void main(String[] args) {
        try {
            new HoldfastInit().run(args);
        } catch (InitException e) {
            System.err.println("holdfast-init: " + e.getMessage());
            System.exit(2);
        } catch (IOException | SQLException | RuntimeException e) {
            System.err.println("holdfast-init: failed: " + e);
            System.exit(1);
        }
    }

    private void run(String[] args) throws IOException, SQLException {
        parse(args);
        Path etc = home.resolve("etc");
        if (!Files.isRegularFile(etc.resolve("custom.properties"))) {
            throw new InitException(home + " is not a Holdfast distribution (no etc/custom.properties)");
        }
        Path users = etc.resolve("users.properties");
        // the password first: a refused one must leave nothing half-initialised
        char[] password = userExists(users) ? null : password();
        System.out.println("Initialising Holdfast in " + home);
        System.out.println("  master key file: " + keyFile());
        System.out.println("  database:        " + database());
        System.out.println("  admin user:      " + adminUser(users, password));
        setProperty(etc.resolve("custom.properties"), "karaf.startRemoteShell", "true");
        setProperty(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.enabled", "true");
        System.out.println("  remote shell and HTTP: opened (bound as in etc/org.apache.karaf.shell.cfg sshHost and"
                + " etc/org.ops4j.pax.web.cfg org.ops4j.pax.web.listening.addresses, 127.0.0.1 by default)");
        System.out.println("Back up the master key file and data/holdfast/keys/master.p12 in two different places;"
                + " without both, encrypted data cannot be read. Start Holdfast with bin/start (or bin/karaf).");
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--home" -> home = Path.of(value(args, ++i, "--home")).toAbsolutePath().normalize();
                case "--admin" -> admin = value(args, ++i, "--admin");
                case "--key-file" -> keyFile = Path.of(value(args, ++i, "--key-file")).toAbsolutePath();
                case "--password-stdin" -> passwordSource = "stdin";
                case "--generate-password" -> passwordSource = "generate";
                case "-h", "--help" -> throw new InitException(usage());
                default -> throw new InitException("unknown option '" + args[i] + "'\n" + usage());
            }
        }
        if (home == null) {
            throw new InitException("--home is required\n" + usage());
        }
        if (!admin.matches("[A-Za-z][A-Za-z0-9._-]{0,63}")) {
            throw new InitException("--admin '" + admin + "' is not a user name: letters, digits, '.', '_', '-',"
                    + " starting with a letter");
        }
        if (keyFile == null) {
            keyFile = home.resolve("etc").resolve("holdfast-master.key");
        }
    }

    private static String usage() {
        return "usage: bin/holdfast-init [--admin NAME] [--password-stdin | --generate-password] [--key-file PATH]\n"
                + "  --admin NAME         first admin user (default admin), group holdfast-admins\n"
                + "  --password-stdin     read the admin password from the first line of standard input (scripts)\n"
                + "  --generate-password  generate a random admin password and print it once\n"
                + "  (neither: asks twice on the terminal; at least " + MIN_PASSWORD + " characters)\n"
                + "  --key-file PATH      master key file (default etc/holdfast-master.key; kept if it exists)";
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new InitException(option + " needs a value");
        }
        return args[i];
    }

    /** 32 random bytes, base64: the keystore passphrase. Created 600 before a byte is written. */
    private String keyFile() throws IOException {
        if (Files.exists(keyFile)) {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(keyFile);
            if (mode.stream().anyMatch(p -> !p.name().startsWith("OWNER_"))) {
                throw new InitException("the existing master key file " + keyFile + " has mode "
                        + PosixFilePermissions.toString(mode) + ": run chmod 600 " + keyFile + " (Holdfast refuses it)");
            }
            return keyFile + " (exists, kept)";
        }
        Files.createDirectories(keyFile.getParent());
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        Files.createFile(keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        return keyFile + " (created, mode 600)";
    }

    /** The kernel's Derby database; the production DataSource URL has no create=true, so it is created here only. */
    private String database() throws IOException, SQLException {
        Path derbyHome = home.resolve("data").resolve("holdfast").resolve("derby");
        Path db = derbyHome.resolve("holdfast");
        if (Files.exists(db.resolve("service.properties"))) {
            return db + " (exists, kept)";
        }
        Files.createDirectories(derbyHome);
        System.setProperty("derby.system.home", derbyHome.toString());
        System.setProperty("derby.stream.error.file", derbyHome.resolve("derby.log").toString());
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + db + ";create=true")) {
            c.getMetaData();
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true").close();
        } catch (SQLException expected) {
            // Derby reports a clean engine shutdown as SQLState XJ015
            if (!"XJ015".equals(expected.getSQLState())) {
                throw expected;
            }
        }
        return db + " (created; Holdfast creates its tables on first start)";
    }

    private boolean userExists(Path users) throws IOException {
        List<String> lines = Files.exists(users) ? Files.readAllLines(users, StandardCharsets.ISO_8859_1) : List.of();
        return lines.stream().map(String::trim).anyMatch(l -> l.matches(java.util.regex.Pattern.quote(admin) + "\\s*=.*"));
    }

    private String adminUser(Path users, char[] password) throws IOException {
        if (password == null) {
            return admin + " (exists, kept)";
        }
        List<String> lines = Files.exists(users) ? Files.readAllLines(users, StandardCharsets.ISO_8859_1) : new ArrayList<>();
        try {
            lines.add(admin + " = {CRYPT}" + sha512(password) + "{CRYPT},_g_:holdfast-admins");
        } finally {
            Arrays.fill(password, '\0');
        }
        Path temp = Files.createTempFile(users.getParent(), "users.", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.write(temp, lines, StandardCharsets.ISO_8859_1);
        Files.move(temp, users, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return admin + " (created, group holdfast-admins; password stored as SHA-512)";
    }

    private char[] password() throws IOException {
        char[] password;
        switch (passwordSource) {
            case "stdin" -> {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                password = line == null ? new char[0] : line.toCharArray();
            }
            case "generate" -> {
                byte[] random = new byte[18];
                RANDOM.nextBytes(random);
                password = Base64.getUrlEncoder().withoutPadding().encodeToString(random).toCharArray();
                System.out.println("  generated password for " + admin + " (shown once): " + new String(password));
            }
            default -> password = prompt();
        }
        if (password.length < MIN_PASSWORD) {
            throw new InitException("the admin password must have at least " + MIN_PASSWORD + " characters");
        }
        return password;
    }

    private char[] prompt() {
        Console console = System.console();
        if (console == null) {
            throw new InitException("no terminal to ask for the admin password: use --password-stdin or --generate-password");
        }
        char[] first = console.readPassword("Password for new admin user %s: ", admin);
        char[] second = console.readPassword("Repeat: ");
        if (first == null || !Arrays.equals(first, second)) {
            throw new InitException("the passwords differ; nothing about the admin user was written");
        }
        return first;
    }

    /** Karaf's BasicEncryption (etc/org.apache.karaf.jaas.cfg): SHA-512 of the password, hexadecimal. */
    private static String sha512(char[] password) {
        try {
            byte[] bytes = new String(password).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-512").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** key = value in a Karaf properties file: the line replaced if the key is set, else appended. */
    private static void setProperty(Path file, String key, String value) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.ISO_8859_1));
        boolean set = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).trim();
            if (l.startsWith(key + " ") || l.startsWith(key + "=")) {
                lines.set(i, key + " = " + value);
                set = true;
            }
        }
        if (!set) {
            lines.add(key + " = " + value);
        }
        Files.write(file, lines, StandardCharsets.ISO_8859_1);
    }

    /** An operator mistake: one line, exit code 2, nothing half-done for that step. */
    private static final class InitException extends RuntimeException {
        InitException(String message) {
            super(message);
        }
    }
}
