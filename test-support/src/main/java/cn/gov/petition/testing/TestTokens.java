package cn.gov.petition.testing;

import cn.gov.petition.infra.JwtKeys;
import io.smallrye.jwt.build.Jwt;
import java.time.Duration;
import java.util.Set;

/**
 * Tokens for tests, signed with the test infrastructure's key the way the gateway's demo issuer
 * signs them: {@code upn}, {@code groups} (roles), {@code unit} and {@code region} claims.
 */
public final class TestTokens {

  private TestTokens() {}

  public static String token(String user, String unit, String region, String... roles) {
    return Jwt.issuer(JwtKeys.ISSUER)
        .upn(user)
        .groups(Set.of(roles))
        .claim("unit", unit)
        .claim("region", region)
        .expiresIn(Duration.ofHours(1))
        .sign(PetitionTestInfrastructure.infrastructure().keys().privateKey().toString());
  }

  /** A county registrar of 麒麟区信访局 (Qilin district, Qujing). */
  public static String qilinRegistrar() {
    return token("qilin-registrar", "530302:xfj", "530302", "registrar", "handler");
  }
}
