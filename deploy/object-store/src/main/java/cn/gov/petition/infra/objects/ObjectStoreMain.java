package cn.gov.petition.infra.objects;

/**
 * Starts S3Proxy so that it ends when the process that launched it ends (as the local Kafka broker
 * does): a test JVM killed by a timeout or a local run ended with kill -9 leaves no orphan store
 * holding its port. Usage: S3Proxy's arguments ({@code --properties FILE}).
 */
public final class ObjectStoreMain {

  private ObjectStoreMain() {}

  public static void main(String[] args) throws Exception {
    ProcessHandle.current()
        .parent()
        .ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    Class.forName("org.gaul.s3proxy.Main")
        .getMethod("main", String[].class)
        .invoke(null, (Object) args);
  }
}
