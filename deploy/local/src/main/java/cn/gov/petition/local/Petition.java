package cn.gov.petition.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: {@code deploy/petition up} starts one node of the platform for Yunnan (53) with
 * demo data and stops everything on Ctrl-C.
 */
public final class Petition {

  private Petition() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0 || !args[0].equals("up")) {
      System.out.println(
          "usage: deploy/petition up [--data DIR] [--port 8080] [--region 53] [--no-demo-data]");
      System.exit(args.length == 0 ? 0 : 2);
    }
    Path root =
        Path.of(System.getProperty("petition.project.root", ".")).toAbsolutePath().normalize();
    Path data = root.resolve(".run");
    int port = 8080;
    String region = "53";
    boolean demo = true;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--region" -> region = args[++i];
        case "--no-demo-data" -> demo = false;
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    long start = System.nanoTime();
    System.out.println(
        "Starting PostgreSQL, Kafka and the five services (data in " + data + ") ...");
    Platform platform = Platform.start(root, data, region, port);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("\nStopping the platform ...");
                  platform.close();
                  stopped.countDown();
                }));
    if (demo) {
      int created = DemoData.load(platform.gatewayUrl());
      System.out.println("Demo data: " + created + " new petitions registered (曲靖市).");
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String gateway = platform.gatewayUrl();
    System.out.printf(
        """

        信访工作平台 is running (node region %s), started in %.1f s.
          Gateway (single entry)  %s
          OpenAPI / Swagger UI    %s/q/swagger-ui
          Health                  %s/q/health
          Demo users              %s/auth/demo-users  (POST /auth/demo-token {"user":"qilin-registrar"})
          PostgreSQL              %s
          Kafka                   %s
          Logs                    %s
        Services: %s
        Press Ctrl-C to stop.
        """,
        region,
        took.toMillis() / 1000.0,
        gateway,
        gateway,
        gateway,
        gateway,
        platform.infrastructure().postgres().jdbcUrl("petition_" + region),
        platform.infrastructure().kafka().bootstrapServers(),
        data.resolve("logs"),
        platform.serviceUrls());
    stopped.await();
  }
}
