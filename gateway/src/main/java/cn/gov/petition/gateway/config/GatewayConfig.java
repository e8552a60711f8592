package cn.gov.petition.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

@ConfigMapping(prefix = "petition.gateway")
public interface GatewayConfig {

  /** Base URL of each service by its short name: intake, routing, supervision, analytics. */
  Map<String, String> services();

  /**
   * Calls the gateway has open to one service (or node) at once; more wait for a free connection.
   * Vert.x's own default, 5, made every service serve at most five callers at a time however many
   * the node had (issue 32).
   */
  @WithDefault("64")
  int connectionsPerService();

  /** Whether the demo issuer hands out tokens for the demo users: the local run only. */
  @WithDefault("false")
  boolean demoIssuer();

  /** 限流: how many calls a minute the gateway lets through (docs/gateway.md). */
  RateLimit rateLimit();

  interface RateLimit {

    /** Calls a minute per user (the token's subject), the burst included. */
    @WithDefault("600")
    long perUser();

    /** Calls a minute per unit (the token's unit claim): all its users together. */
    @WithDefault("3000")
    long perUnit();

    /** Calls a minute per address to the anonymous paths (the petitioner's query). */
    @WithDefault("60")
    long perAddress();

    /**
     * Look-ups a minute of one query code, from any caller: a code is not guessed from many
     * addresses at once.
     */
    @WithDefault("10")
    long perQueryCode();
  }
}
