package cn.gov.petition.infra;

import cn.gov.petition.infra.objects.ObjectStoreMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * 对象存储 of one machine: a real S3-compatible server (S3Proxy, from Maven Central, over jclouds'
 * file-system back end) in its own JVM, keeping its buckets as folders under {@code directory}. The
 * local run and the tests put the scanned letters, photos and recordings of cases there, as a node
 * puts them in its province's S3-compatible store in production (ADR 31). Requests are signed (AWS
 * Signature V2 or V4) with the access key and secret this class is given; a request signed
 * otherwise is refused (403).
 */
public final class ObjectStore implements AutoCloseable {

  private static final String CLASSPATH_RESOURCE = "/cn/gov/petition/infra/object-store.classpath";

  /** The region the local store answers for (it has one; S3 clients must name one). */
  public static final String REGION = "us-east-1";

  private final Path directory;
  private final int port;
  private final String accessKey;
  private final String secretKey;
  private Process process;

  private ObjectStore(Path directory, int port, String accessKey, String secretKey) {
    this.directory = directory;
    this.port = port;
    this.accessKey = accessKey;
    this.secretKey = secretKey;
  }

  /** Starts the store on {@code preferredPort} when free and waits until it listens. */
  public static ObjectStore start(
      Path directory, int preferredPort, String accessKey, String secretKey) {
    ObjectStore store =
        new ObjectStore(directory, Ports.freePort(preferredPort), accessKey, secretKey);
    store.start();
    return store;
  }

  /** The base URL S3 clients are given (path-style requests: {@code /bucket/key}). */
  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  private void start() {
    try {
      Path data = Files.createDirectories(directory.resolve("data"));
      Path properties = directory.resolve("s3proxy.properties");
      Files.writeString(
          properties,
          String.join(
              "\n",
              "s3proxy.endpoint=" + endpoint(),
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + accessKey,
              "s3proxy.credential=" + secretKey,
              "jclouds.provider=filesystem-nio2",
              "jclouds.filesystem.basedir=" + data.toAbsolutePath(),
              // the back end's own login: a folder has none, jclouds asks for one
              "jclouds.identity=local",
              "jclouds.credential=local",
              ""),
          StandardCharsets.UTF_8);
      process =
          ChildJvms.launch(
              directory,
              // S3Proxy sends System.err to its logger: the logger must write elsewhere
              List.of(
                  "-Xms32m",
                  "-Xmx256m",
                  "-Dorg.slf4j.simpleLogger.logFile=" + directory.resolve("s3proxy.log")),
              ChildJvms.classpath(CLASSPATH_RESOURCE, ObjectStoreMain.class.getName()),
              List.of(ObjectStoreMain.class.getName(), "--properties", properties.toString()),
              directory.resolve("console.log"));
      Ports.awaitListening(port, Duration.ofMinutes(2), process, "S3 object store");
    } catch (IOException e) {
      throw new UncheckedIOException("the object store did not start in " + directory, e);
    }
  }

  @Override
  public synchronized void close() {
    if (process == null) {
      return;
    }
    ChildJvms.stop(process, 20);
    process = null;
  }
}
