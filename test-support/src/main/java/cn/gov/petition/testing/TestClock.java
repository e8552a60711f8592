package cn.gov.petition.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * The platform's clock in every service's tests (a CDI alternative to common's clock, found through
 * this module's beans.xml): the system clock until a test sets the day, so deadline tests move time
 * instead of sleeping. Tests that set it reset it afterwards.
 */
@Alternative
@Priority(1)
@Singleton
public class TestClock extends Clock {

  /** 北京时间, as the platform's own clock (common's Clocks.CHINA, which this module does not see). */
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private volatile Instant fixed;

  /** From now on it is 10:00 on that day in Asia/Shanghai. */
  public void setToday(LocalDate day) {
    fixed = day.atTime(LocalTime.of(10, 0)).atZone(CHINA).toInstant();
  }

  /** From now on it is this instant. */
  public void setInstant(Instant instant) {
    fixed = instant;
  }

  public void reset() {
    fixed = null;
  }

  @Override
  public ZoneId getZone() {
    return CHINA;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return Clock.fixed(instant(), zone);
  }

  @Override
  public Instant instant() {
    Instant day = fixed;
    return day == null ? Instant.now() : day;
  }
}
