package cn.gov.petition.common.time;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The platform's clock. Statutory dates are Asia/Shanghai dates; time is injected everywhere so
 * that tests move it instead of sleeping.
 */
public final class Clocks {

  /** 北京时间: the zone in which every statutory period is counted. */
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Produces
  @Singleton
  Clock clock() {
    return Clock.system(CHINA);
  }
}
