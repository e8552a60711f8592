package cn.gov.petition.intake;

import cn.gov.petition.common.crypto.FieldCipher;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.intake.store.OneTimeCodeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * 短信验证码: a six-digit code sent to a petitioner's phone, with which they act without an account
 * (issue 29: their own evaluation). A code serves once, for ten minutes, and for at most {@link
 * #TRIES} wrong tries; a subject is sent at most one code a minute and {@link #A_DAY} a day, so
 * that guessing a code is hopeless (at most 25 guesses a day among a million codes) and nobody's
 * phone is flooded. Only the code's keyed digest is stored.
 */
@ApplicationScoped
public class OneTimeCodes {

  /** What a code is for; the subject names the thing it opens (a case's id). */
  public enum Purpose {
    /** 网上评价: the petitioner evaluates the answer to their case. */
    EVALUATION,
    /** 网上信访: a citizen submits a petition (the subject is their phone's digest). */
    SUBMISSION
  }

  /** How long a code may be used. */
  public static final Duration VALID = Duration.ofMinutes(10);

  /** Wrong tries a code takes before it is void. */
  public static final int TRIES = 5;

  /** Codes a subject is sent in a day. */
  static final int A_DAY = 5;

  /** The shortest pause between two codes of a subject. */
  static final Duration AGAIN_AFTER = Duration.ofSeconds(60);

  private final OneTimeCodeRepository codes;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  public OneTimeCodes(OneTimeCodeRepository codes, Clock clock) {
    this.codes = codes;
    this.clock = clock;
  }

  /**
   * A fresh code for the subject, every earlier one ended; 429 when the subject had one in the last
   * minute or its codes of the day. In the caller's transaction, with the SMS that carries it.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public String issue(Purpose purpose, String subject) {
    Instant now = clock.instant();
    List<Instant> today = codes.issuedSince(purpose.name(), subject, now.minus(Duration.ofDays(1)));
    if (!today.isEmpty()) {
      Instant again = today.get(today.size() - 1).plus(AGAIN_AFTER);
      if (again.isAfter(now)) {
        throw ProblemException.tooManyRequests(
            "验证码已发送，请稍后再获取 / a code was sent less than a minute ago",
            Duration.between(now, again).toSeconds() + 1);
      }
      if (today.size() >= A_DAY) {
        throw ProblemException.tooManyRequests(
            "今日获取验证码次数已达上限 / " + A_DAY + " codes were sent in the last 24 hours",
            Duration.between(now, today.get(0).plus(Duration.ofDays(1))).toSeconds() + 1);
      }
    }
    String code = String.format("%06d", random.nextInt(1_000_000));
    codes.issue(purpose.name(), subject, digest(subject, code), now, now.plus(VALID));
    return code;
  }

  /**
   * Takes the code for the subject: 409 when it has no code to use (none sent, used, expired, or
   * void after {@link #TRIES} wrong tries); 422 on {@code field} when the code is wrong, the wrong
   * try counted even though the request fails. Not yet spent: {@link #spend} in the transaction of
   * the act it allows.
   *
   * @return the code's id
   */
  @Transactional(value = Transactional.TxType.REQUIRES_NEW, dontRollbackOn = ProblemException.class)
  public long check(Purpose purpose, String subject, String code, String field) {
    Instant now = clock.instant();
    OneTimeCodeRepository.Open open =
        codes
            .open(purpose.name(), subject, now, TRIES)
            .orElseThrow(
                () ->
                    ProblemException.conflict(
                        "没有可用的验证码（未获取、已使用、已过期或错误次数过多），请重新获取"
                            + " / no code to use: request a new one"));
    if (FieldCipher.instance().digests(subject + ":" + code).contains(open.codeDigest())) {
      return open.id();
    }
    int left = TRIES - codes.wrong(open.id());
    throw ProblemException.invalid(
        field,
        "OneTimeCode",
        left > 0
            ? "验证码不正确，还可尝试" + left + "次 / the code is wrong"
            : "验证码不正确，已失效，请重新获取 / the code is wrong and now void");
  }

  /** Spends the code checked; 409 if a request at the same time spent it first. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void spend(long id) {
    if (!codes.use(id, clock.instant())) {
      throw ProblemException.conflict("验证码已使用 / the code was used already");
    }
  }

  private static String digest(String subject, String code) {
    return FieldCipher.instance().digest(subject + ":" + code);
  }
}
