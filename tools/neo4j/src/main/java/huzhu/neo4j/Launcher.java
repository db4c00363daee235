package huzhu.neo4j;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Result;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

/**
 * Runs an embedded Neo4j Community DBMS with only the Bolt connector enabled, for Huzhu dev and CI.
 *
 * <p>Configuration (command-line arguments win over environment variables):
 * <ul>
 *   <li>{@code --port N} / {@code NEO4J_BOLT_PORT} — Bolt port on 127.0.0.1 (default 7687)</li>
 *   <li>{@code --data-dir DIR} / {@code NEO4J_DATA_DIR} — Neo4j home; store lives in DIR/data, logs in DIR/logs
 *       (default {@code .data/neo4j} under the repository root)</li>
 *   <li>{@code NEO4J_AUTH} — {@code none} disables auth; {@code neo4j/<password>} (Docker style) enables it with that
 *       password; anything else / unset enables auth with the password from {@code NEO4J_PASSWORD}</li>
 *   <li>{@code NEO4J_PAGECACHE} — page cache size, e.g. 256m (default), 1g</li>
 *   <li>{@code NEO4J_LOG_LEVEL} — level of the Neo4j user log on stdout: DEBUG, INFO (default), WARN, ERROR</li>
 * </ul>
 *
 * <p>Prints exactly one line starting with {@code "neo4j ready "} once the DBMS is started, the password is applied,
 * and Bolt is accepting connections. Exits non-zero on startup failure. SIGTERM/SIGINT shut the DBMS down cleanly.
 */
public final class Launcher {
    public static final String READY_PREFIX = "neo4j ready ";
    private static final String BIND_HOST = "127.0.0.1";
    private static final String USER = "neo4j";
    private static final int MIN_PASSWORD_LENGTH = 8;

    private Launcher() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        Options opts;
        try {
            opts = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("neo4j launcher: " + e.getMessage());
            System.exit(2);
            return;
        }

        DatabaseManagementService dbms = null;
        AtomicBoolean stopped = new AtomicBoolean(false);
        try {
            Files.createDirectories(opts.home);
            out.printf("neo4j starting (bolt=%s:%d, home=%s, auth=%s)%n",
                    BIND_HOST, opts.port, opts.home, opts.authEnabled ? "on" : "off");
            out.flush();

            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(opts.home)
                    .setUserLogProvider(new Log4jLogProvider(System.out, opts.logLevel))
                    // Connectors: Bolt only, plain text, loopback only.
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(BIND_HOST, opts.port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(BIND_HOST, opts.port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    // Auth.
                    .setConfig(GraphDatabaseSettings.auth_enabled, opts.authEnabled)
                    // Memory / disk: modest for dev laptops and CI runners.
                    .setConfig(GraphDatabaseSettings.pagecache_memory, opts.pageCacheBytes)
                    .setConfig(GraphDatabaseSettings.pagecache_warmup_enabled, false)
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(64))
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "128M size")
                    // No phoning home.
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Internal: Netty's graceful-shutdown quiet period defaults to 5 s, which makes every stop
                    // take >10 s. Nothing needs that grace period in dev/CI.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);

            dbms = builder.build();
            final DatabaseManagementService started = dbms;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (stopped.compareAndSet(false, true)) {
                    System.out.println("neo4j stopping");
                    System.out.flush();
                    try {
                        started.shutdown();
                        System.out.println("neo4j stopped");
                    } catch (Throwable t) {
                        System.out.println("neo4j shutdown failed: " + t);
                    }
                    System.out.flush();
                }
            }, "neo4j-shutdown"));

            GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
            if (opts.authEnabled) {
                applyPassword(system, opts.password);
            }
            // Make sure the default database is actually up before announcing readiness.
            GraphDatabaseService neo4j = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!neo4j.isAvailable(Duration.ofSeconds(60).toMillis())) {
                throw new IllegalStateException("default database did not become available within 60s");
            }
            String version = neo4jVersion(system);

            out.printf("%sbolt://%s:%d (Neo4j %s, data=%s, auth=%s, up in %.1fs)%n",
                    READY_PREFIX, BIND_HOST, opts.port, version, opts.home, opts.authEnabled ? "on" : "off",
                    ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
            out.flush();

            // Keep the main thread parked; the JVM ends via the shutdown hook (SIGTERM / SIGINT).
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            System.err.println("neo4j launcher: startup failed: " + t);
            Throwable cause = t.getCause();
            while (cause != null) {
                System.err.println("  caused by: " + cause);
                cause = cause.getCause();
            }
            System.err.flush();
            if (dbms != null && stopped.compareAndSet(false, true)) {
                try {
                    dbms.shutdown();
                } catch (Throwable ignored) {
                    // best effort
                }
            }
            System.exit(1);
        }
    }

    /**
     * Sets the password of user {@code neo4j} (and clears the "change required" flag) through the system database.
     * Embedded transactions run with full privileges, so no current password is needed. Idempotent: if the password
     * is already the requested one Neo4j refuses the change ("cannot be the same"), which we treat as success.
     */
    private static void applyPassword(GraphDatabaseService system, String password) {
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (!(msg.contains("old password and new password cannot be the same"))) {
                throw new IllegalStateException("could not set password for user '" + USER + "': " + e.getMessage(), e);
            }
        }
    }

    private static String neo4jVersion(GraphDatabaseService system) {
        return system.executeTransactionally("CALL dbms.components() YIELD versions, edition RETURN versions, edition",
                Map.of(), (Result r) -> {
                    if (!r.hasNext()) {
                        return "unknown";
                    }
                    Map<String, Object> row = r.next();
                    Object versions = row.get("versions");
                    String v = versions instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : "unknown";
                    return v + " " + row.get("edition");
                });
    }

    private static final class Options {
        int port = 7687;
        Path home;
        boolean authEnabled = true;
        String password;
        long pageCacheBytes = ByteUnit.mebiBytes(256);
        Level logLevel = Level.INFO;

        static Options parse(String[] args) {
            Options o = new Options();
            String port = env("NEO4J_BOLT_PORT");
            String dataDir = env("NEO4J_DATA_DIR");
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--port" -> port = next(args, ++i, a);
                    case "--data-dir" -> dataDir = next(args, ++i, a);
                    case "-h", "--help" -> {
                        System.out.println("usage: java -jar huzhu-neo4j-launcher.jar [--port N] [--data-dir DIR]");
                        System.out.println("env: NEO4J_BOLT_PORT NEO4J_DATA_DIR NEO4J_AUTH NEO4J_PASSWORD"
                                + " NEO4J_PAGECACHE NEO4J_LOG_LEVEL");
                        System.exit(0);
                    }
                    default -> {
                        if (a.startsWith("--port=")) {
                            port = a.substring("--port=".length());
                        } else if (a.startsWith("--data-dir=")) {
                            dataDir = a.substring("--data-dir=".length());
                        } else {
                            throw new IllegalArgumentException("unknown argument: " + a);
                        }
                    }
                }
            }
            if (port != null) {
                try {
                    o.port = Integer.parseInt(port.trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid port: " + port);
                }
                if (o.port < 1 || o.port > 65535) {
                    throw new IllegalArgumentException("invalid port: " + port);
                }
            }
            o.home = (dataDir != null ? Paths.get(dataDir) : repoRoot().resolve(".data").resolve("neo4j"))
                    .toAbsolutePath().normalize();

            String auth = env("NEO4J_AUTH");
            if (auth != null && auth.trim().equalsIgnoreCase("none")) {
                o.authEnabled = false;
            } else {
                o.authEnabled = true;
                if (auth != null && auth.startsWith(USER + "/")) {
                    o.password = auth.substring(USER.length() + 1);
                } else {
                    o.password = env("NEO4J_PASSWORD");
                }
                if (o.password == null || o.password.isEmpty()) {
                    throw new IllegalArgumentException(
                            "auth is enabled but no password given: set NEO4J_PASSWORD (>= 8 chars), "
                                    + "or NEO4J_AUTH=none to disable auth");
                }
                if (o.password.length() < MIN_PASSWORD_LENGTH) {
                    // Neo4j's default dbms.security.auth_minimum_password_length; fail before starting the DBMS.
                    throw new IllegalArgumentException("NEO4J_PASSWORD must be at least " + MIN_PASSWORD_LENGTH
                            + " characters (Neo4j default minimum)");
                }
            }

            String pc = env("NEO4J_PAGECACHE");
            if (pc != null) {
                o.pageCacheBytes = parseBytes(pc);
            }
            String lvl = env("NEO4J_LOG_LEVEL");
            if (lvl != null) {
                try {
                    o.logLevel = Level.valueOf(lvl.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("invalid NEO4J_LOG_LEVEL: " + lvl);
                }
            }
            return o;
        }

        private static String next(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }

        private static String env(String name) {
            String v = System.getenv(name);
            return v == null || v.isBlank() ? null : v;
        }

        private static long parseBytes(String s) {
            String t = s.trim().toLowerCase(Locale.ROOT);
            long mult = 1;
            char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
            switch (last) {
                case 'k' -> mult = ByteUnit.kibiBytes(1);
                case 'm' -> mult = ByteUnit.mebiBytes(1);
                case 'g' -> mult = ByteUnit.gibiBytes(1);
                default -> { }
            }
            if (mult != 1) {
                t = t.substring(0, t.length() - 1);
            }
            try {
                return Long.parseLong(t) * mult;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid size: " + s);
            }
        }

        /** tools/neo4j/target/huzhu-neo4j-launcher.jar (or target/classes) -> repository root; falls back to cwd. */
        private static Path repoRoot() {
            try {
                Path p = Paths.get(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                // .../tools/neo4j/target/<jar or classes>
                Path candidate = p.getParent() == null ? null : p.getParent().getParent();
                if (candidate != null && candidate.getFileName() != null
                        && candidate.getFileName().toString().equals("neo4j")
                        && candidate.getParent() != null
                        && candidate.getParent().getFileName() != null
                        && candidate.getParent().getFileName().toString().equals("tools")
                        && candidate.getParent().getParent() != null) {
                    return candidate.getParent().getParent();
                }
            } catch (URISyntaxException | RuntimeException ignored) {
                // fall through
            }
            return Paths.get("").toAbsolutePath();
        }
    }
}
