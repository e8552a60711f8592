package cn.gov.petition.intake;

import cn.gov.petition.contracts.CalendarPublished.OfficialDay;
import cn.gov.petition.intake.store.CalendarRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The calendar version every due date is counted with: the latest stored one. Version 1 is the
 * vendored file (calendar/README.md), stored on first start; later versions are the State Council
 * notices an administrator loads at the province's node ({@link CalendarNotices}), which reach
 * every node on the calendar topic.
 *
 * <p>Held in memory; an instance notices a version another instance of the same node stored within
 * {@link #RECHECK}, and its own at once ({@link #refresh}).
 */
@ApplicationScoped
public class Calendars {

  /** How often an instance looks for a version stored by another instance of its node. */
  static final Duration RECHECK = Duration.ofSeconds(30);

  private final CalendarRepository store;
  private final Clock clock;
  private final String node;
  private volatile StatutoryCalendar current;
  private volatile Instant checkedAt = Instant.MIN;

  public Calendars(
      CalendarRepository store,
      Clock clock,
      @ConfigProperty(name = "petition.node.region") String node) {
    this.store = store;
    this.clock = clock;
    this.node = node;
  }

  /** The calendar to count with now. */
  public StatutoryCalendar current() {
    StatutoryCalendar calendar = current;
    Instant now = Instant.now();
    if (calendar == null || now.isAfter(checkedAt.plus(RECHECK))) {
      checkedAt = now;
      int latest = QuarkusTransaction.joiningExisting().call(store::latestVersion);
      if (calendar == null || latest != calendar.version()) {
        calendar = refresh();
      }
    }
    return calendar;
  }

  /** Reads the latest version again (after this instance stored one). */
  public synchronized StatutoryCalendar refresh() {
    StatutoryCalendar calendar =
        QuarkusTransaction.joiningExisting()
            .call(
                () -> {
                  int latest = store.latestVersion();
                  if (latest == 0) {
                    seed();
                    latest = store.latestVersion();
                  }
                  return load(latest);
                });
    current = calendar;
    checkedAt = Instant.now();
    return calendar;
  }

  /** Makes the next call read the latest version (after a commit that stored one). */
  public void invalidate() {
    checkedAt = Instant.MIN;
  }

  /** A stored version as a calendar. */
  public StatutoryCalendar load(int version) {
    Map<Integer, List<OfficialDay>> byYear = store.daysByYear(version);
    List<OfficialDay> days = new ArrayList<>();
    byYear.values().forEach(days::addAll);
    return StatutoryCalendar.of(version, byYear.keySet(), days);
  }

  /**
   * Whether next year's notice is missing while it is due: from 1 November the State Council's
   * notice is usually out (it comes in October–December), and from 1 January every period ending in
   * the year is counted without its holidays.
   */
  public boolean nextYearMissing() {
    LocalDate today = LocalDate.now(clock);
    int year = today.getMonthValue() >= 11 ? today.getYear() + 1 : today.getYear();
    return !current().covers(year);
  }

  private void seed() {
    List<OfficialDay> days = StatutoryCalendar.vendoredDays();
    store.insert(
        new CalendarRepository.Version(
            1,
            null,
            "chinese-days 1.5.7",
            "随平台发布的法定节假日安排 2004–2026 / the official days shipped with the platform"
                + " (calendar/README.md)",
            null,
            "platform",
            clock.instant(),
            node),
        days);
  }
}
