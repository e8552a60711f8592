package cn.gov.petition.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports, and waiting for a server to listen on one. */
public final class Ports {

  private Ports() {}

  /**
   * Where a port is looked for when the preferred one is taken: below Linux's ephemeral range
   * (32768-60999), because a port is chosen here and bound later by another process (a service
   * starting for a minute), and meanwhile any outgoing connection (to Kafka, to PostgreSQL) could
   * be given an ephemeral one. A port once handed out is not handed out again by this JVM.
   */
  private static final int LOWEST = 10_000;

  private static final int HIGHEST = 32_000;
  private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

  /** The preferred port when it is free, otherwise a free port no other caller was given. */
  public static int freePort(int preferred) {
    if (preferred > 0 && isFree(preferred)) {
      HANDED_OUT.add(preferred);
      return preferred;
    }
    for (int attempt = 0; attempt < 1000; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
      if (!HANDED_OUT.contains(port) && isFree(port) && HANDED_OUT.add(port)) {
        return port;
      }
    }
    throw new UncheckedIOException(
        new IOException("no free local port between " + LOWEST + " and " + HIGHEST));
  }

  public static int freePort() {
    return freePort(0);
  }

  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Waits until something accepts connections on the port, or fails after the timeout. */
  public static void awaitListening(int port, Duration timeout, Process process, String what) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (process != null && !process.isAlive()) {
        throw new IllegalStateException(what + " exited with code " + process.exitValue());
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException notYet) {
        sleep(Duration.ofMillis(100));
      }
    }
    throw new IllegalStateException(
        what + " did not listen on port " + port + " within " + timeout);
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
