package cn.gov.petition.gateway;

import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.gateway.config.GatewayConfig;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * 限流: token buckets per user, per unit and, on the anonymous paths, per address (Bucket4j). A
 * caller who has used up a bucket gets 429 with {@code Retry-After}, the seconds until the bucket
 * holds a call again. Buckets live in this gateway replica (ADR 20): with n replicas behind a
 * balancer a caller gets at most n times the limit.
 */
@ApplicationScoped
public class RateLimits {

  private final GatewayConfig.RateLimit limits;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(10, TimeUnit.MINUTES).build();

  public RateLimits(GatewayConfig config) {
    this.limits = config.rateLimit();
  }

  /** Takes one call from the user's and the unit's buckets, or refuses it with 429. */
  public void take(String user, String unit) {
    take("user:" + user, limits.perUser(), "用户 / user");
    take("unit:" + unit, limits.perUnit(), "单位 / unit");
  }

  /** Takes one call from an anonymous address's bucket, or refuses it with 429. */
  public void takeAnonymous(String address) {
    take("address:" + address, limits.perAddress(), "地址 / address");
  }

  /**
   * Takes one look-up of a query code from the caller's bucket (its address: the look-up is
   * anonymous, a token changes nothing) and from the code's own bucket, or refuses it with 429.
   */
  public void takeStatusLookup(String address, String queryCode) {
    takeAnonymous(address);
    if (queryCode != null) {
      take("query-code:" + queryCode, limits.perQueryCode(), "查询码 / query code");
    }
  }

  /**
   * Takes one call of the online submission from the caller's bucket (its address) and from the
   * phone's own bucket, or refuses it with 429 (intake limits the phone's codes and submissions of
   * the day as well).
   */
  public void takeSubmission(String address, String phone) {
    takeAnonymous(address);
    if (phone != null) {
      take("phone:" + phone, limits.perQueryCode(), "手机号码 / phone");
    }
  }

  private void take(String key, long perMinute, String what) {
    Bucket bucket =
        buckets.get(
            key,
            k ->
                Bucket.builder()
                    .addLimit(
                        limit ->
                            limit
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill()) + 1;
      throw ProblemException.tooManyRequests(
          "请求过于频繁，请稍后再试 / too many calls: the limit per " + what + " is " + perMinute + " a minute",
          seconds);
    }
  }
}
