package cn.gov.petition.local;

import cn.gov.petition.infra.LocalInfrastructure;
import cn.gov.petition.infra.Ports;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One node of the platform on this machine: PostgreSQL, Kafka, the four services and the gateway,
 * each service in its own JVM. Used by the run command and by the end-to-end tests.
 */
public final class Platform implements AutoCloseable {

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

  private final LocalInfrastructure infrastructure;
  private final List<ServiceProcess> services;
  private final ServiceProcess gateway;

  private Platform(
      LocalInfrastructure infrastructure, List<ServiceProcess> services, ServiceProcess gateway) {
    this.infrastructure = infrastructure;
    this.services = services;
    this.gateway = gateway;
  }

  /**
   * Starts everything with data under {@code runDirectory}, which a second start reuses.
   *
   * @param regionCode the region this node serves (petition.node.region)
   * @param gatewayPort the preferred gateway port; another free one if taken
   */
  public static Platform start(
      Path projectRoot, Path runDirectory, String regionCode, int gatewayPort) {
    LocalInfrastructure infrastructure = LocalInfrastructure.start(runDirectory.resolve("infra"));
    List<ServiceProcess> started = new ArrayList<>();
    try {
      String database = "petition_" + regionCode;
      Map<String, String> common = new LinkedHashMap<>(infrastructure.serviceConfig(database));
      common.put("petition.node.region", regionCode);
      Path logs = runDirectory.resolve("logs");
      Map<String, String> gatewayConfig = new LinkedHashMap<>(common);
      for (String[] service : SERVICES) {
        int port = Ports.freePort(Integer.parseInt(service[1]));
        Map<String, String> config = new LinkedHashMap<>(common);
        if (service[0].equals("intake-service")) {
          config.putAll(infrastructure.fieldKeyConfig());
        }
        started.add(ServiceProcess.start(projectRoot, service[0], port, config, logs));
        gatewayConfig.put("petition.gateway.services." + service[2], "http://127.0.0.1:" + port);
      }
      gatewayConfig.putAll(infrastructure.demoIssuerConfig());
      gatewayConfig.put("petition.gateway.demo-issuer", "true");
      ServiceProcess gateway =
          ServiceProcess.start(
              projectRoot, "gateway", Ports.freePort(gatewayPort), gatewayConfig, logs);
      started.add(gateway);
      for (ServiceProcess service : started) {
        service.awaitReady(Duration.ofMinutes(3));
      }
      started.remove(gateway);
      return new Platform(infrastructure, started, gateway);
    } catch (RuntimeException e) {
      started.forEach(ServiceProcess::close);
      infrastructure.close();
      throw e;
    }
  }

  public String gatewayUrl() {
    return gateway.url();
  }

  public LocalInfrastructure infrastructure() {
    return infrastructure;
  }

  /** Base URLs of the services behind the gateway, by module name. */
  public Map<String, String> serviceUrls() {
    Map<String, String> urls = new LinkedHashMap<>();
    services.forEach(s -> urls.put(s.name(), s.url()));
    return urls;
  }

  @Override
  public void close() {
    gateway.close();
    services.parallelStream().forEach(ServiceProcess::close);
    infrastructure.close();
  }
}
