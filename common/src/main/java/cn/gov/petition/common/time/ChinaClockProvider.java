package cn.gov.petition.common.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ClockProvider;
import java.time.Clock;

/**
 * Makes Bean Validation's "past" and "future" mean Asia/Shanghai dates, whatever the server's zone:
 * a letter received on the morning of the 24th in Kunming is not "in the future" on a server whose
 * UTC date is still the 23rd.
 */
@ApplicationScoped
public class ChinaClockProvider implements ClockProvider {

  private final Clock clock;

  public ChinaClockProvider(Clock clock) {
    this.clock = clock;
  }

  @Override
  public Clock getClock() {
    return clock;
  }
}
