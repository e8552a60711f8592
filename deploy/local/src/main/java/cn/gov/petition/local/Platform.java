package cn.gov.petition.local;

import cn.gov.petition.infra.LocalInfrastructure;
import cn.gov.petition.infra.Ports;
import cn.gov.petition.infra.PostgresServer.Durability;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform on this machine: one PostgreSQL server and one Kafka broker, and one or more nodes,
 * each serving a region with its own database and its own four services and gateway, every service
 * in its own JVM. Used by the run command and by the end-to-end tests.
 */
public final class Platform implements AutoCloseable {

  private final LocalInfrastructure infrastructure;
  private final List<Node> nodes;
  private final Supervisor supervisor;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private Platform(LocalInfrastructure infrastructure, List<Node> nodes, Path logs) {
    this.infrastructure = infrastructure;
    this.nodes = nodes;
    this.supervisor = new Supervisor(this::parts, logs.resolve("supervisor.log"));
  }

  /** Every part the supervisor keeps running: PostgreSQL, Kafka, each node's services. */
  private List<Supervisor.Part> parts() {
    List<Supervisor.Part> parts = new ArrayList<>();
    var postgres = infrastructure.postgres();
    var kafka = infrastructure.kafka();
    parts.add(Supervisor.Part.process("postgresql", postgres::died, postgres::restart));
    parts.add(Supervisor.Part.process("kafka", kafka::died, kafka::start));
    nodes.forEach(node -> parts.addAll(node.parts()));
    return parts;
  }

  /** How often the supervisor started each part again after it died, by name. */
  public Map<String, Integer> restarts() {
    return supervisor.restarts();
  }

  /** One node serving {@code regionCode}, durable as a node runs. */
  public static Platform start(
      Path projectRoot, Path runDirectory, String regionCode, int gatewayPort) {
    return start(projectRoot, runDirectory, List.of(regionCode), gatewayPort, Durability.DURABLE);
  }

  /** One node serving {@code regionCode}. */
  public static Platform start(
      Path projectRoot,
      Path runDirectory,
      String regionCode,
      int gatewayPort,
      Durability durability) {
    return start(projectRoot, runDirectory, List.of(regionCode), gatewayPort, durability);
  }

  /** The nodes serving {@code regions}, durable as a node runs. */
  public static Platform start(
      Path projectRoot, Path runDirectory, List<String> regions, int gatewayPort) {
    return start(projectRoot, runDirectory, regions, gatewayPort, Durability.DURABLE);
  }

  /**
   * Starts everything with data under {@code runDirectory}, which a second start reuses.
   *
   * @param regions the regions of the nodes (petition.node.region), one node each, all on the same
   *     Kafka; the first is the one {@link #gatewayUrl()} names
   * @param gatewayPort the preferred port of the first node's gateway (the next nodes prefer the
   *     ports 10 above); another free one if taken
   * @param durability PostgreSQL's: {@code DURABLE} for a node, {@code UNSAFE_FAST} for tests and
   *     throwaway demos
   */
  public static Platform start(
      Path projectRoot,
      Path runDirectory,
      List<String> regions,
      int gatewayPort,
      Durability durability) {
    return start(projectRoot, runDirectory, regions, gatewayPort, durability, Map.of());
  }

  /**
   * The same, with configuration given to every service of every node (Quarkus properties), e.g. a
   * test's shorter schedule.
   */
  public static Platform start(
      Path projectRoot,
      Path runDirectory,
      List<String> regions,
      int gatewayPort,
      Durability durability,
      Map<String, String> serviceConfig) {
    LocalInfrastructure infrastructure =
        LocalInfrastructure.start(runDirectory.resolve("infra"), durability);
    List<Node> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < regions.size(); i++) {
        String region = regions.get(i);
        Path logs =
            regions.size() == 1
                ? runDirectory.resolve("logs")
                : runDirectory.resolve("logs").resolve(region);
        nodes.add(
            Node.launch(
                projectRoot,
                infrastructure,
                serviceConfig,
                region,
                gatewayPort == 0 ? 0 : gatewayPort + 10 * i,
                10 * i,
                logs,
                regions.size() > 1));
      }
      for (Node node : nodes) {
        node.awaitReady();
      }
      Platform platform = new Platform(infrastructure, nodes, runDirectory.resolve("logs"));
      // a launcher stopped by a signal (a bench, a script's kill) takes its processes with it
      Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "platform-stop"));
      return platform;
    } catch (RuntimeException e) {
      nodes.forEach(Node::close);
      infrastructure.close();
      throw e;
    }
  }

  /** System properties passed on to every node's gateway: its rate limits. */
  static final String RATE_LIMITS = "petition.gateway.rate-limit.";

  /** The first node's gateway. */
  public String gatewayUrl() {
    return nodes.get(0).gatewayUrl();
  }

  public LocalInfrastructure infrastructure() {
    return infrastructure;
  }

  /** The first node's services behind its gateway, by module name. */
  public Map<String, String> serviceUrls() {
    return nodes.get(0).serviceUrls();
  }

  public List<Node> nodes() {
    return nodes;
  }

  /** The node that hosts a region's units: the deepest node whose region contains it. */
  public Node hostOf(String region) {
    return nodes.stream()
        .filter(n -> region.startsWith(n.region()))
        .max(java.util.Comparator.comparingInt(n -> n.region().length()))
        .orElse(nodes.get(0));
  }

  /** The node serving {@code region}. */
  public Node node(String region) {
    return nodes.stream()
        .filter(n -> n.region().equals(region))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no node serves " + region));
  }

  /** Stops every node and the infrastructure, once (the shutdown hook calls it again). */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    supervisor.close();
    nodes.parallelStream().forEach(Node::close);
    infrastructure.close();
  }

  /** One node: the four services and the gateway of one region, with its own database. */
  public static final class Node implements AutoCloseable {

    /**
     * Module, preferred port, short name used by the gateway. Gateway last: it needs the others'
     * ports.
     */
    private static final List<String[]> SERVICES =
        List.of(
            new String[] {"intake-service", "8081", "intake"},
            new String[] {"routing-service", "8082", "routing"},
            new String[] {"supervision-service", "8083", "supervision"},
            new String[] {"analytics-service", "8084", "analytics"});

    /** The services that journal their own records, sealed with the node's field key (ADR 37). */
    private static final java.util.Set<String> JOURNALED =
        java.util.Set.of("supervision-service", "analytics-service");

    private static final Duration STUCK_GRACE = Duration.ofSeconds(10);

    private final Path projectRoot;
    private final String region;
    private final Path logs;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> configs = new LinkedHashMap<>();
    private ServiceProcess gateway;

    private Node(Path projectRoot, String region, Path logs) {
      this.projectRoot = projectRoot;
      this.region = region;
      this.logs = logs;
    }

    static Node launch(
        Path projectRoot,
        LocalInfrastructure infrastructure,
        Map<String, String> serviceConfig,
        String region,
        int gatewayPort,
        int portOffset,
        Path logs,
        boolean federated) {
      Node node = new Node(projectRoot, region, logs);
      try {
        Map<String, String> common =
            new LinkedHashMap<>(infrastructure.serviceConfig("petition_" + region));
        common.put("petition.node.region", region);
        // the gateway's port is chosen first: the node announces it for reads from other nodes
        int port = Ports.freePort(gatewayPort);
        common.put("petition.node.address", "http://127.0.0.1:" + port);
        common.putAll(infrastructure.traces().exporterConfig());
        common.putAll(serviceConfig);
        Map<String, String> gatewayConfig = new LinkedHashMap<>(common);
        var handoffKeys = infrastructure.handoffKeys(region);
        for (String[] service : SERVICES) {
          Map<String, String> config = new LinkedHashMap<>(common);
          if (JOURNALED.contains(service[0]) || service[0].equals("intake-service")) {
            // intake's personal data at rest, the journals of the others (ADR 37)
            config.putAll(infrastructure.fieldKeyConfig());
          }
          if (service[0].equals("intake-service")) {
            config.putAll(infrastructure.smsConfig());
            config.putAll(infrastructure.objectsConfig());
            config.putAll(handoffKeys.intake());
          }
          if (service[0].equals("routing-service")) {
            config.putAll(handoffKeys.routing());
          }
          config.put(
              "quarkus.http.port",
              String.valueOf(Ports.freePort(Integer.parseInt(service[1]) + portOffset)));
          node.configs.put(service[0], config);
          node.startService(service[0]);
          gatewayConfig.put(
              "petition.gateway.services." + service[2], node.services.get(service[0]).url());
        }
        gatewayConfig.putAll(infrastructure.demoIssuerConfig());
        gatewayConfig.put("petition.gateway.demo-issuer", "true");
        // the benches raise the gateway's rate limits (docs/gateway.md) to measure the node
        for (String name : System.getProperties().stringPropertyNames()) {
          if (name.startsWith(RATE_LIMITS)) {
            gatewayConfig.put(name, System.getProperty(name));
          }
        }
        if (federated) {
          // another node's gateway relays a petitioner's query here as the petitioner's proxy
          // (docs/nodes.md): trusted for X-Forwarded-For, and on this machine it comes from here
          gatewayConfig.put("quarkus.http.proxy.proxy-address-forwarding", "true");
          gatewayConfig.put("quarkus.http.proxy.allow-x-forwarded", "true");
          gatewayConfig.put("quarkus.http.proxy.trusted-proxies", "127.0.0.1");
        }
        gatewayConfig.put("quarkus.http.port", String.valueOf(port));
        node.configs.put("gateway", gatewayConfig);
        node.startService("gateway");
        return node;
      } catch (RuntimeException e) {
        node.close();
        throw e;
      }
    }

    void awaitReady() {
      for (ServiceProcess service : services.values()) {
        service.awaitReady(Duration.ofMinutes(3));
      }
      gateway.awaitReady(Duration.ofMinutes(3));
    }

    /** The region this node serves. */
    public String region() {
      return region;
    }

    public String gatewayUrl() {
      return "http://127.0.0.1:" + configs.get("gateway").get("quarkus.http.port");
    }

    /** The parts the supervisor keeps running: the services and the gateway. */
    synchronized List<Supervisor.Part> parts() {
      List<Supervisor.Part> parts = new ArrayList<>();
      String prefix = "node " + region + " ";
      services.forEach(
          (module, service) ->
              parts.add(
                  new Supervisor.Part(
                      prefix + module, service::fault, () -> revive(module, service))));
      if (gateway != null) {
        ServiceProcess current = gateway;
        parts.add(
            new Supervisor.Part(
                prefix + "gateway", current::fault, () -> revive("gateway", current)));
      }
      return parts;
    }

    /**
     * Starts a service that died or is stuck again, on its port and database; it becomes ready by
     * itself. A stuck one is stopped first, as Kubernetes does: SIGTERM, SIGKILL after 10 s.
     */
    private synchronized void revive(String module, ServiceProcess faulty) {
      if (running(module) != faulty) {
        return; // stopped or restarted meanwhile
      }
      faulty.close(STUCK_GRACE);
      startService(module);
    }

    /** A part's running process ("gateway" for the gateway); null when it is stopped. */
    private synchronized ServiceProcess running(String module) {
      return module.equals("gateway") ? gateway : services.get(module);
    }

    /** The process id of a running service ("gateway" for the gateway), to kill it in a test. */
    public long pid(String module) {
      return running(module).pid();
    }

    /** Waits until a service ("gateway" for the gateway) reports itself ready. */
    public void awaitReady(String module) {
      running(module).awaitReady(Duration.ofMinutes(3));
    }

    /** The services behind the gateway, by module name. */
    public Map<String, String> serviceUrls() {
      Map<String, String> urls = new LinkedHashMap<>();
      services.forEach((name, s) -> urls.put(name, s.url()));
      return urls;
    }

    /**
     * Stops one service of the node ("gateway" for the gateway), as an operator would; the
     * supervisor leaves it stopped.
     */
    public synchronized void stop(String module) {
      ServiceProcess service;
      if (module.equals("gateway")) {
        service = gateway;
        gateway = null;
      } else {
        service = services.remove(module);
      }
      if (service != null) {
        service.close();
      }
    }

    /** The node's parts by module name, the gateway last: what {@link #stop} and restart take. */
    public static List<String> modules() {
      List<String> modules = new ArrayList<>();
      SERVICES.forEach(service -> modules.add(service[0]));
      modules.add("gateway");
      return modules;
    }

    /**
     * Starts parts again together ("gateway" for the gateway; stopped first if they run), each on
     * its port and database, and waits until all are ready.
     */
    public void restart(List<String> modules) {
      for (String module : modules) {
        stop(module);
        startService(module);
      }
      modules.forEach(this::awaitReady);
    }

    private synchronized void startService(String module) {
      Map<String, String> config = new LinkedHashMap<>(configs.get(module));
      int port = Integer.parseInt(config.remove("quarkus.http.port"));
      ServiceProcess started = ServiceProcess.start(projectRoot, module, port, config, logs);
      if (module.equals("gateway")) {
        gateway = started;
      } else {
        services.put(module, started);
      }
    }

    @Override
    public synchronized void close() {
      if (gateway != null) {
        gateway.close();
      }
      services.values().parallelStream().forEach(ServiceProcess::close);
      services.clear();
    }
  }
}
