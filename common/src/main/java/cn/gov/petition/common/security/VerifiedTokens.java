package cn.gov.petition.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller's token, its signature checked once rather than at every call: the RSA check was a
 * fifth of the gateway's time and a twelfth of intake's at the registration bench's maximum (issue
 * 32, bench/README.md). A token is kept as verified by its exact text (signature included) for at
 * most {@link #KEPT} and never past its expiry; any other token, and the same one after that, is
 * verified again by SmallRye JWT. A key rotated out therefore stops opening the services within
 * {@link #KEPT}. Every other use of the parser goes to SmallRye JWT as it is.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

  /** How long a verified token is taken on trust at most. */
  static final Duration KEPT = Duration.ofMinutes(5);

  private final JWTParser verifier;
  private final Clock clock;
  private final Cache<String, JsonWebToken> verified =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(KEPT).build();

  @Inject
  VerifiedTokens(DefaultJWTParser verifier, Clock clock) {
    this((JWTParser) verifier, clock);
  }

  /** With the parser that verifies (tests give their own). */
  VerifiedTokens(JWTParser verifier, Clock clock) {
    this.verifier = verifier;
    this.clock = clock;
  }

  @Override
  public JsonWebToken parse(String token) throws ParseException {
    JsonWebToken known = verified.getIfPresent(token);
    if (known != null && known.getExpirationTime() > clock.instant().getEpochSecond()) {
      return known;
    }
    JsonWebToken fresh = verifier.parse(token); // refused: thrown, and nothing kept
    verified.put(token, fresh);
    return fresh;
  }

  @Override
  public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
    return verifier.parse(token, context);
  }

  @Override
  public JsonWebToken verify(String token, PublicKey key) throws ParseException {
    return verifier.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, SecretKey key) throws ParseException {
    return verifier.verify(token, key);
  }

  @Override
  public JsonWebToken verify(String token, String secret) throws ParseException {
    return verifier.verify(token, secret);
  }

  @Override
  public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
    return verifier.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
    return verifier.decrypt(token, key);
  }

  @Override
  public JsonWebToken decrypt(String token, String secret) throws ParseException {
    return verifier.decrypt(token, secret);
  }

  @Override
  public JsonWebToken parseOnly(String token) throws ParseException {
    return verifier.parseOnly(token);
  }
}
