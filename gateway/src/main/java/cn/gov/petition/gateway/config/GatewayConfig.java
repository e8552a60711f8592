package cn.gov.petition.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

@ConfigMapping(prefix = "petition.gateway")
public interface GatewayConfig {

  /** Base URL of each service by its short name: intake, routing, supervision, analytics. */
  Map<String, String> services();

  /** Whether the demo issuer hands out tokens for the demo users: the local run only. */
  @WithDefault("false")
  boolean demoIssuer();
}
