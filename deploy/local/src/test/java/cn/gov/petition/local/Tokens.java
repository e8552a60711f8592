package cn.gov.petition.local;

import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Tokens for users the demo issuer does not have (another county's supervisor, a role alone),
 * signed with the local run's key as its issuer signs, so that the services accept them as they
 * would a token from the province's OIDC provider.
 */
final class Tokens {

  private Tokens() {}

  static String of(Platform platform, String user, String role, String region) {
    return signed(claims(user, role, region, 60), signingKey(platform));
  }

  /** A user of the unit (such as 530302:zjj) with the role. */
  static String ofUnit(Platform platform, String user, String role, String unit) {
    JwtClaims claims = claims(user, role, unit.substring(0, unit.indexOf(':')), 60);
    claims.setClaim("unit", unit);
    return signed(claims, signingKey(platform));
  }

  /** A user of the region's 信访 office holding every role at once (to reach every operation). */
  static String everyRole(Platform platform, String user, String region) {
    JwtClaims claims = claims(user, "registrar", region, 60);
    claims.setStringListClaim(
        "groups",
        "registrar",
        "handler",
        "supervisor",
        "leader",
        "joint-office",
        "administrator",
        "auditor",
        "subscriber");
    return signed(claims, signingKey(platform));
  }

  /** A token that expired ten minutes ago (beyond any clock skew), otherwise as {@link #of}. */
  static String expired(Platform platform, String user, String role, String region) {
    return signed(claims(user, role, region, -10), signingKey(platform));
  }

  /** A token signed with a key the platform has never seen. */
  static String forged(String user, String role, String region) {
    try {
      var generator = java.security.KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return signed(claims(user, role, region, 60), generator.generateKeyPair().getPrivate());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JwtClaims claims(String user, String role, String region, int minutes) {
    JwtClaims claims = new JwtClaims();
    claims.setIssuer("https://petition.local/demo-issuer");
    claims.setClaim("upn", user);
    claims.setStringListClaim("groups", role);
    claims.setClaim("unit", region + ":xfj");
    claims.setClaim("region", region);
    long now = System.currentTimeMillis() / 1000;
    claims.setIssuedAt(
        org.jose4j.jwt.NumericDate.fromSeconds(Math.min(now, now + minutes * 60L - 3600)));
    claims.setExpirationTimeMinutesInTheFuture(minutes);
    return claims;
  }

  private static String signed(JwtClaims claims, PrivateKey key) {
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(key);
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    jws.setHeader("typ", "JWT");
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("the token does not sign", e);
    }
  }

  private static PrivateKey signingKey(Platform platform) {
    try {
      String pem = Files.readString(platform.infrastructure().keys().privateKey());
      byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").strip());
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("the local run's signing key does not read", e);
    }
  }
}
