package cn.gov.petition.local;

import cn.gov.petition.infra.LocalInfrastructure;
import cn.gov.petition.infra.PostgresServer.Durability;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: {@code deploy/petition up} starts one node of the platform for Yunnan (53) with
 * demo data and stops everything on Ctrl-C; {@code --nodes 53,5303,530302,530302001} starts one
 * node per region instead, all on one Kafka, to see them hand cases to each other (docs/nodes.md).
 */
public final class Petition {

  private Petition() {}

  /**
   * Writes a production node's handoff key: {@code handoff-key.json} (private, for intake's secret,
   * readable by its owner only) and {@code handoff-public-key.json} (for routing). {@code --rotate}
   * adds a new key to the existing keyset, {@code --drop-retired} removes all but the newest.
   */
  private static void writeHandoffKey(Path directory, String action) throws java.io.IOException {
    java.nio.file.Files.createDirectories(directory);
    Path privateFile = directory.resolve("handoff-key.json");
    boolean exists = java.nio.file.Files.exists(privateFile);
    String keyset =
        switch (action) {
          case "" -> exists ? null : LocalInfrastructure.newHandoffKeyset();
          case "--rotate", "--drop-retired" -> {
            if (!exists) {
              yield null;
            }
            String current = java.nio.file.Files.readString(privateFile);
            yield action.equals("--rotate")
                ? LocalInfrastructure.rotateHandoffKeyset(current)
                : LocalInfrastructure.withoutRetiredHandoffKeys(current);
          }
          default -> null;
        };
    if (keyset == null) {
      System.err.println(
          exists
              ? privateFile + " exists: --rotate or --drop-retired change it"
              : "no " + privateFile + " to change (or unknown option " + action + ")");
      System.exit(2);
    }
    if (!exists) {
      java.nio.file.Files.createFile(
          privateFile,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    }
    java.nio.file.Files.writeString(privateFile, keyset);
    java.nio.file.Files.writeString(
        directory.resolve("handoff-public-key.json"),
        LocalInfrastructure.publicHandoffKeyset(keyset));
    System.out.println("wrote " + privateFile + " and handoff-public-key.json beside it");
  }

  /** The demo petitions of today and a year of former cases (docs/migration.md). */
  private static void loadDemoData(Platform platform, Path data)
      throws java.io.IOException, InterruptedException {
    // registered by the 麒麟区信访局 clerk, at the node that hosts that office
    Platform.Node registering = platform.hostOf("530302");
    int created = DemoData.load(registering.gatewayUrl());
    System.out.println(
        "Demo data: "
            + created
            + " new petitions registered (曲靖市) at node "
            + registering.region()
            + ".");
    System.out.println(
        "Demo history: importing a year of "
            + DemoData.HISTORY
            + " former cases of Yunnan (docs/migration.md) ...");
    int history =
        DemoData.history(
            platform,
            data,
            java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")),
            DemoData.HISTORY,
            System.out);
    System.out.println("Demo history: " + history + " new former cases imported.");
  }

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("handoff-key")) {
      writeHandoffKey(Path.of(args[1]), args.length > 2 ? args[2] : "");
      return;
    }
    if (args.length >= 1 && args[0].equals("import")) {
      System.exit(ImportCommand.main(List.of(args).subList(1, args.length)));
    }
    if (args.length == 0 || !args[0].equals("up")) {
      System.out.println(
          "usage: deploy/petition up [--data DIR] [--port 8080] [--region 53 | --nodes"
              + " 53,5303,530302,530302001] [--no-demo-data] [--unsafe-fast]\n"
              + "       deploy/petition import FILE | --check FILE | --watch JOB | --cancel JOB"
              + " [--gateway URL] [--token TOKEN]   (former cases: docs/migration.md)\n"
              + "       deploy/petition handoff-key DIR [--rotate | --drop-retired]   (a node's"
              + " handoff key, for its secret: docs/operations.md)");
      System.exit(args.length == 0 ? 0 : 2);
    }
    Path root =
        Path.of(System.getProperty("petition.project.root", ".")).toAbsolutePath().normalize();
    Path data = root.resolve(".run");
    int port = 8080;
    List<String> regions = List.of("53");
    boolean demo = true;
    Durability durability = Durability.DURABLE;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--data" -> data = Path.of(args[++i]).toAbsolutePath();
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--region" -> regions = List.of(args[++i]);
        case "--nodes" -> regions = List.of(args[++i].split(","));
        case "--no-demo-data" -> demo = false;
        case "--unsafe-fast" -> durability = Durability.UNSAFE_FAST;
        default -> {
          System.err.println("unknown option " + args[i]);
          System.exit(2);
        }
      }
    }
    long start = System.nanoTime();
    System.out.println(
        "Starting PostgreSQL, Kafka and the five services (data in " + data + ") ...");
    for (String region : regions) {
      if (!region.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}")) {
        System.err.println(region + " is not a 2, 4, 6 or 9-digit division code");
        System.exit(2);
      }
    }
    if (durability == Durability.UNSAFE_FAST) {
      System.out.println(
          "--unsafe-fast: PostgreSQL runs without fsync and synchronous commit; a crash loses"
              + " the last acknowledged cases. For demos only.");
    }
    Platform platform = Platform.start(root, data, regions, port, durability);
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
      try {
        loadDemoData(platform, data);
      } catch (java.io.IOException | IllegalStateException e) {
        // the platform runs on without them; say why, never stop half-way with services left
        System.out.println("Demo data could not be loaded: " + e.getMessage());
      }
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Platform.Node first = platform.nodes().get(0);
    System.out.printf(
        """

        信访工作平台 is running (%s), started in %.1f s.
          Gateway (single entry)  %s
          Web pages (网页)        %s/  (sign in as a demo user; docs/web.md)
          OpenAPI / Swagger UI    %s/q/swagger-ui
          Health                  %s/q/health
          Demo users              %s/auth/demo-users  (POST /auth/demo-token {"user":"qilin-registrar"})
          PostgreSQL              %s
          Kafka                   %s
          Traces (链路追踪)       %s  (a case's traces by its number; docs/operations.md)
          Logs                    %s
        Services: %s
        """,
        regions.size() == 1 ? "node region " + first.region() : regions.size() + " nodes",
        took.toMillis() / 1000.0,
        first.gatewayUrl(),
        first.gatewayUrl(),
        first.gatewayUrl(),
        first.gatewayUrl(),
        first.gatewayUrl(),
        platform.infrastructure().postgres().jdbcUrl("petition_" + first.region()),
        platform.infrastructure().kafka().bootstrapServers(),
        platform.infrastructure().traces().pageUrl(),
        data.resolve("logs"),
        first.serviceUrls());
    for (Platform.Node node : platform.nodes().subList(1, platform.nodes().size())) {
      System.out.printf(
          "  Node %-9s gateway %s  services %s%n",
          node.region(), node.gatewayUrl(), node.serviceUrls());
    }
    System.out.println("Press Ctrl-C to stop.");
    stopped.await();
  }
}
