package cn.gov.petition.infra;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.hybrid.HpkeParameters;
import com.google.crypto.tink.hybrid.HybridConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * PostgreSQL, Kafka, a trace collector, an SMS center and an object store for one machine: the
 * local run and every integration test use this same class, so what the tests prove is what a user
 * runs.
 */
public final class LocalInfrastructure implements AutoCloseable {

  private final Path directory;
  private final PostgresServer postgres;
  private final KafkaBroker kafka;
  private final JwtKeys keys;
  private final TraceCollector traces;
  private final SmsCenter sms;
  private ObjectStore objects;

  private LocalInfrastructure(
      Path directory,
      PostgresServer postgres,
      KafkaBroker kafka,
      JwtKeys keys,
      TraceCollector traces,
      SmsCenter sms) {
    this.directory = directory;
    this.postgres = postgres;
    this.kafka = kafka;
    this.keys = keys;
    this.traces = traces;
    this.sms = sms;
  }

  /** The system id the local SMS center accepts (its password: {@link #smsPassword}). */
  public static final String SMS_SYSTEM_ID = "petition";

  /**
   * Starts both servers with their data under {@code directory}. Ports used last time are taken
   * again when free, so a restarted local run keeps its addresses. {@code durability}: a node's
   * PostgreSQL is {@code DURABLE}; tests that throw their data away may run {@code UNSAFE_FAST}.
   */
  public static LocalInfrastructure start(Path directory, PostgresServer.Durability durability) {
    Properties last = readPorts(directory);
    PostgresServer postgres =
        PostgresServer.start(directory.resolve("postgres"), intOf(last, "postgres"), durability);
    try {
      KafkaBroker kafka =
          KafkaBroker.start(
              directory.resolve("kafka"), intOf(last, "kafka"), intOf(last, "kafka.controller"));
      LocalInfrastructure infra =
          new LocalInfrastructure(
              directory,
              postgres,
              kafka,
              JwtKeys.in(directory.resolve("keys")),
              TraceCollector.start(intOf(last, "traces")),
              SmsCenter.start(
                  directory.resolve("sms"),
                  intOf(last, "sms"),
                  SMS_SYSTEM_ID,
                  smsPassword(directory.resolve("keys"))));
      infra.writePorts();
      return infra;
    } catch (RuntimeException e) {
      postgres.close();
      throw e;
    }
  }

  public PostgresServer postgres() {
    return postgres;
  }

  public KafkaBroker kafka() {
    return kafka;
  }

  public JwtKeys keys() {
    return keys;
  }

  /** The collector the local nodes' services export their spans to. */
  public TraceCollector traces() {
    return traces;
  }

  /** The SMS center the local nodes send their SMS to, over SMPP. */
  public SmsCenter sms() {
    return sms;
  }

  /**
   * Where intake-service sends its SMS notices: the local SMS center, bound with its system id and
   * password (issue 29). Given to intake alone.
   */
  public Map<String, String> smsConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("petition.sms.host", "127.0.0.1");
    config.put("petition.sms.port", String.valueOf(sms.port()));
    config.put("petition.sms.system-id", SMS_SYSTEM_ID);
    config.put("petition.sms.password", smsPassword(directory.resolve("keys")));
    return config;
  }

  /**
   * The S3-compatible object store, started on first use (its own JVM: only the runs that keep
   * attachments pay for it), with its data under {@code objects/}.
   */
  public synchronized ObjectStore objects() {
    if (objects == null) {
      objects =
          ObjectStore.start(
              directory.resolve("objects"),
              intOf(readPorts(directory), "objects"),
              OBJECTS_ACCESS_KEY,
              secret(directory.resolve("keys"), "objects-secret", 40));
      writePorts();
    }
    return objects;
  }

  /**
   * What intake needs to keep attachments in the local object store (started now if it is not): its
   * endpoint, region and keys; each node has its own bucket ({@code attachments-<region>}).
   */
  public Map<String, String> objectsConfig() {
    ObjectStore store = objects();
    Map<String, String> config = new LinkedHashMap<>();
    config.put("petition.objects.endpoint", store.endpoint());
    config.put("petition.objects.region", ObjectStore.REGION);
    config.put("petition.objects.access-key", OBJECTS_ACCESS_KEY);
    config.put(
        "petition.objects.secret-key", secret(directory.resolve("keys"), "objects-secret", 40));
    return config;
  }

  /** The access key of the local object store (its secret: in {@code keys/objects-secret}). */
  public static final String OBJECTS_ACCESS_KEY = "petition";

  /**
   * The SMS center's password, generated on first use and kept with the data (SMPP allows 8
   * characters).
   */
  static String smsPassword(Path keys) {
    return secret(keys, "sms-password", 8);
  }

  /** A secret of {@code length} letters and digits in {@code keys/name}, made on first use. */
  private static String secret(Path keys, String name, int length) {
    Path file = keys.resolve(name);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(keys);
        String letters = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        java.security.SecureRandom random = new java.security.SecureRandom();
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < length; i++) {
          secret.append(letters.charAt(random.nextInt(letters.length())));
        }
        Files.writeString(file, secret);
      }
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The configuration a service of one node needs to reach this infrastructure, as Quarkus
   * properties. The database is created if missing.
   */
  public Map<String, String> serviceConfig(String database) {
    postgres.ensureDatabase(database);
    Map<String, String> config = new LinkedHashMap<>();
    config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
    config.put("quarkus.datasource.username", PostgresServer.USER);
    config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
    config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
    config.put("mp.jwt.verify.publickey.location", keys.publicKey().toUri().toString());
    config.put("mp.jwt.verify.issuer", JwtKeys.ISSUER);
    return config;
  }

  /**
   * The key intake-service encrypts personal data with at rest, generated on first use and kept
   * with the data (a second start must read what the first wrote). Given to intake alone.
   */
  public Map<String, String> fieldKeyConfig() {
    Path file = directory.resolve("keys").resolve("field-key.b64");
    try {
      if (!java.nio.file.Files.exists(file)) {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, java.util.Base64.getEncoder().encodeToString(key));
      }
      return Map.of("petition.crypto.field-key", java.nio.file.Files.readString(file).trim());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * A node's key for the case files other nodes hand to it (HPKE, a Tink keyset), generated on
   * first use and kept with the data: intake is given the private keyset ({@code
   * petition.crypto.handoff-key}), routing the public half it announces ({@code
   * petition.crypto.handoff-public-key}).
   */
  public HandoffKeys handoffKeys(String region) {
    Path file = directory.resolve("keys").resolve("handoff-" + region + ".json");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, newHandoffKeyset());
      }
      String privateKeyset = Files.readString(file).trim();
      return new HandoffKeys(
          Map.of("petition.crypto.handoff-key", privateKeyset),
          Map.of("petition.crypto.handoff-public-key", publicHandoffKeyset(privateKeyset)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A new private handoff keyset (Tink JSON; HPKE with X25519, HKDF-SHA256, AES-256-GCM), as intake
   * reads it from {@code petition.crypto.handoff-key}.
   */
  public static String newHandoffKeyset() {
    try {
      return TinkJsonProtoKeysetFormat.serializeKeyset(
          KeysetHandle.generateNew(handoffParameters()), InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a handoff key", e);
    }
  }

  /**
   * Rotates a private handoff keyset: a new key becomes the one senders seal with, the earlier ones
   * stay to open what was sealed with them and is still on its way ({@link
   * #withoutRetiredHandoffKeys} drops them later).
   */
  public static String rotateHandoffKeyset(String privateKeyset) {
    try {
      KeysetHandle.Builder builder =
          KeysetHandle.newBuilder(
              TinkJsonProtoKeysetFormat.parseKeyset(privateKeyset, InsecureSecretKeyAccess.get()));
      builder.addEntry(
          KeysetHandle.generateEntryFromParameters(handoffParameters())
              .withRandomId()
              .makePrimary());
      return TinkJsonProtoKeysetFormat.serializeKeyset(
          builder.build(), InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("not a private handoff keyset", e);
    }
  }

  /** The keyset with its primary key alone: once nothing sealed with an earlier one is left. */
  public static String withoutRetiredHandoffKeys(String privateKeyset) {
    try {
      KeysetHandle.Builder builder =
          KeysetHandle.newBuilder(
              TinkJsonProtoKeysetFormat.parseKeyset(privateKeyset, InsecureSecretKeyAccess.get()));
      for (int i = builder.size() - 1; i >= 0; i--) {
        if (!builder.getAt(i).isPrimary()) {
          builder.deleteAt(i);
        }
      }
      return TinkJsonProtoKeysetFormat.serializeKeyset(
          builder.build(), InsecureSecretKeyAccess.get());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("not a private handoff keyset", e);
    }
  }

  private static HpkeParameters handoffParameters() throws GeneralSecurityException {
    HybridConfig.register();
    return HpkeParameters.builder()
        .setKemId(HpkeParameters.KemId.DHKEM_X25519_HKDF_SHA256)
        .setKdfId(HpkeParameters.KdfId.HKDF_SHA256)
        .setAeadId(HpkeParameters.AeadId.AES_256_GCM)
        .setVariant(HpkeParameters.Variant.TINK)
        .build();
  }

  /** The public half of a private handoff keyset: what routing announces. */
  public static String publicHandoffKeyset(String privateKeyset) {
    try {
      HybridConfig.register();
      return TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(
          TinkJsonProtoKeysetFormat.parseKeyset(privateKeyset, InsecureSecretKeyAccess.get())
              .getPublicKeysetHandle());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("not a private handoff keyset", e);
    }
  }

  /** A node's handoff key: the private keyset for intake, the public one for routing. */
  public record HandoffKeys(Map<String, String> intake, Map<String, String> routing) {}

  /**
   * What the gateway's demo issuer needs in addition: the private signing key, which no other
   * service is given.
   */
  public Map<String, String> demoIssuerConfig() {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("smallrye.jwt.sign.key.location", keys.privateKey().toUri().toString());
    config.put("smallrye.jwt.new-token.issuer", JwtKeys.ISSUER);
    return config;
  }

  @Override
  public void close() {
    try {
      kafka.close();
    } finally {
      try {
        postgres.close();
      } finally {
        try {
          traces.close();
        } finally {
          sms.close();
          synchronized (this) {
            if (objects != null) {
              objects.close();
            }
          }
        }
      }
    }
  }

  /** Stops both servers and deletes their data: for tests, which start from nothing. */
  public void closeAndDelete() {
    close();
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writePorts() {
    Properties ports = new Properties();
    ports.setProperty("postgres", String.valueOf(postgres.port()));
    ports.setProperty("kafka", String.valueOf(kafka.port()));
    ports.setProperty("kafka.controller", String.valueOf(kafka.controllerPort()));
    ports.setProperty("traces", String.valueOf(traces.port()));
    ports.setProperty("sms", String.valueOf(sms.port()));
    String lastObjects = readPorts(directory).getProperty("objects");
    if (objects != null) {
      ports.setProperty("objects", String.valueOf(objects.port()));
    } else if (lastObjects != null) {
      ports.setProperty("objects", lastObjects); // not started this time: its port kept
    }
    try (var out = Files.newBufferedWriter(directory.resolve("ports.properties"))) {
      ports.store(out, "ports of the last run, taken again when free");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Properties readPorts(Path directory) {
    Properties ports = new Properties();
    Path file = directory.resolve("ports.properties");
    if (Files.exists(file)) {
      try (var in = Files.newBufferedReader(file)) {
        ports.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ports;
  }

  private static int intOf(Properties properties, String key) {
    return Integer.parseInt(properties.getProperty(key, "0"));
  }
}
