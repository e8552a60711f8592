package cn.gov.petition.infra.broker;

/**
 * Starts a Kafka broker that ends when the process that launched it ends.
 *
 * <p>Without this, a test JVM killed by a timeout or a local run ended with kill -9 would leave an
 * orphan broker holding its port and data directory. Usage: the arguments of {@code kafka.Kafka}
 * (the path of server.properties).
 */
public final class BrokerMain {

  private BrokerMain() {}

  public static void main(String[] args) throws Exception {
    ProcessHandle.current()
        .parent()
        .ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    kafka.Kafka.main(args);
  }
}
