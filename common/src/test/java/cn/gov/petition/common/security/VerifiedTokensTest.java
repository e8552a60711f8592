package cn.gov.petition.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A token's signature is checked once, and again once it has expired or was refused. */
class VerifiedTokensTest {

  private static final Instant NOW = Instant.parse("2026-12-06T02:00:00Z");

  /** SmallRye's parser as the services have it, noting what it was asked to verify. */
  private static final class Verifier extends DefaultJWTParser {
    final List<String> asked = new ArrayList<>();
    final Map<String, Long> expiries;

    Verifier(Map<String, Long> expiries) {
      this.expiries = expiries;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
      asked.add(token);
      if (!expiries.containsKey(token)) {
        throw new ParseException("bad signature");
      }
      return token(token, expiries.get(token));
    }
  }

  private static JsonWebToken token(String name, long exp) {
    return new JsonWebToken() {
      @Override
      public String getName() {
        return name;
      }

      @Override
      public Set<String> getClaimNames() {
        return Set.of("exp");
      }

      @SuppressWarnings("unchecked")
      @Override
      public <T> T getClaim(String claim) {
        return "exp".equals(claim) ? (T) Long.valueOf(exp) : null;
      }
    };
  }

  private static Clock at(Instant instant) {
    return Clock.fixed(instant, ZoneOffset.UTC);
  }

  @Test
  void aTokenIsVerifiedOnceWhileItIsValid() throws Exception {
    long inAnHour = NOW.plusSeconds(3600).getEpochSecond();
    Verifier verifier = new Verifier(Map.of("a", inAnHour, "b", inAnHour));
    VerifiedTokens tokens = new VerifiedTokens(verifier, at(NOW));
    JsonWebToken first = tokens.parse("a");
    assertSame(first, tokens.parse("a"));
    tokens.parse("b");
    assertEquals(List.of("a", "b"), verifier.asked, "each token verified once");
  }

  @Test
  void anExpiredTokenIsVerifiedAgain() throws Exception {
    long inAMinute = NOW.plusSeconds(60).getEpochSecond();
    Verifier verifier = new Verifier(Map.of("a", inAMinute));
    new VerifiedTokens(verifier, at(NOW)).parse("a");
    VerifiedTokens later = new VerifiedTokens(verifier, at(NOW.plusSeconds(120)));
    later.parse("a");
    later.parse("a");
    assertEquals(
        List.of("a", "a", "a"), verifier.asked, "past its expiry it is never taken on trust");
  }

  @Test
  void aRefusedTokenIsRefusedEveryTime() {
    Verifier verifier = new Verifier(Map.of());
    VerifiedTokens tokens = new VerifiedTokens(verifier, at(NOW));
    assertThrows(ParseException.class, () -> tokens.parse("forged"));
    assertThrows(ParseException.class, () -> tokens.parse("forged"));
    assertEquals(List.of("forged", "forged"), verifier.asked);
  }
}
