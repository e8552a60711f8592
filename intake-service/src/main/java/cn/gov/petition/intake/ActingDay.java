package cn.gov.petition.intake;

import cn.gov.petition.common.time.Clocks;
import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 办理日期: the day the acts of the current transaction are dated. A clerk's act is dated today, by the
 * clock; an imported step is dated the day the former system recorded ({@link Importer} sets it
 * before replaying the step), so that {@link Lifecycle} and {@link Registrar} count its deadlines
 * and write its history as of that day, through the same code as a live act (ADR 28).
 */
@TransactionScoped
public class ActingDay implements Serializable {

  private static final long serialVersionUID = 1L;

  private LocalDate day;
  private int acts;

  /** Dates what this transaction does from now on as done on {@code day}. */
  public void set(LocalDate day) {
    this.day = day;
  }

  /**
   * Starts another case's history in the same transaction (an import takes several cases in one):
   * its first act is dated {@code day} at 09:00 again, whatever the cases before it did.
   */
  public void startCase(LocalDate day) {
    this.day = day;
    this.acts = 0;
  }

  /** Whether the transaction replays a former system's history (its acts are flagged imported). */
  public boolean replaying() {
    return day != null;
  }

  public LocalDate today(Clock clock) {
    return day == null ? LocalDate.now(clock) : day;
  }

  /**
   * The moment of an act: now, or for a past day 09:00 北京时间 and a second after the act before it,
   * so that a case's history keeps the order its steps were taken in.
   */
  public Instant now(Clock clock) {
    if (day == null) {
      return clock.instant();
    }
    return day.atTime(9, 0).atZone(Clocks.CHINA).toInstant().plusSeconds(acts++);
  }
}
