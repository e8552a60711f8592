package cn.gov.petition.intake;

import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.common.problem.Problem.FieldError;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.tx.AfterCommit;
import cn.gov.petition.contracts.CalendarPublished;
import cn.gov.petition.contracts.CalendarPublished.OfficialDay;
import cn.gov.petition.intake.store.CalendarRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * 节假日安排通知: loading a year's State Council notice as a new calendar version. An administrator of the
 * province's node previews it (every step whose due date it would move), then applies it: the
 * version is stored, every step it moves is recounted and published ({@link Recount}), and the
 * notice goes out on the calendar topic to every other node, which stores it and recounts its own
 * cases ({@link #receive}).
 */
@ApplicationScoped
public class CalendarNotices {

  private static final Logger LOG = Logger.getLogger(CalendarNotices.class);

  /** The first year a notice may be loaded for: the 2005 regulation's, the oldest counted. */
  static final int FIRST_YEAR = 2005;

  private final Calendars calendars;
  private final CalendarRepository store;
  private final Recount recount;
  private final Outbox outbox;
  private final Clock clock;
  private final TransactionSynchronizationRegistry transactions;
  private final String node;

  public CalendarNotices(
      Calendars calendars,
      CalendarRepository store,
      Recount recount,
      Outbox outbox,
      Clock clock,
      TransactionSynchronizationRegistry transactions,
      @ConfigProperty(name = "petition.node.region") String node) {
    this.calendars = calendars;
    this.store = store;
    this.recount = recount;
    this.outbox = outbox;
    this.clock = clock;
    this.transactions = transactions;
    this.node = node;
  }

  /**
   * A notice as an administrator gives it.
   *
   * @param year the year it covers
   * @param noticeNumber its document number (文号)
   * @param title its title
   * @param days its holidays and weekend days worked, with the row each came from
   */
  public record Notice(int year, String noticeNumber, String title, List<Row> days) {}

  /** One row of a notice; {@code date} and {@code kind} as given, checked by {@link #check}. */
  public record Row(LocalDate date, String kind, String name) {}

  /** What loading a notice does (or would do): the version it makes and the steps it moves. */
  public record Outcome(
      int version,
      int year,
      String noticeNumber,
      LocalDate firstChangedDay,
      List<OfficialDay> days,
      List<Recount.Change> changes) {}

  /** What applying would do; changes nothing. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Outcome preview(Notice notice) {
    requirePublisher();
    List<OfficialDay> days = check(notice);
    StatutoryCalendar current = calendars.current();
    StatutoryCalendar next = next(current, notice.year(), days);
    LocalDate first = current.firstDifference(next).orElse(null);
    return new Outcome(
        next.version(),
        notice.year(),
        notice.noticeNumber(),
        first,
        days,
        recount.preview(next, first));
  }

  /** Stores the notice as a new version, recounts what it moves, and sends it to every node. */
  @Transactional(Transactional.TxType.MANDATORY)
  public Outcome apply(Notice notice, String user) {
    requirePublisher();
    List<OfficialDay> days = check(notice);
    store.lock();
    StatutoryCalendar current = calendars.refresh();
    StatutoryCalendar next = next(current, notice.year(), days);
    if (current.covers(notice.year())
        && current.daysOf(notice.year()).equals(next.daysOf(notice.year()))) {
      throw ProblemException.conflict(
          "the days of "
              + notice.year()
              + " are those of calendar version "
              + current.version()
              + " already; nothing to load");
    }
    LocalDate first = current.firstDifference(next).orElse(null);
    CalendarRepository.Version version =
        new CalendarRepository.Version(
            next.version(),
            notice.year(),
            notice.noticeNumber(),
            notice.title(),
            first,
            user,
            clock.instant(),
            node);
    store.insert(version, days);
    outbox.publish(
        String.valueOf(notice.year()),
        String.valueOf(notice.year()),
        CalendarRepository.event(version, days));
    List<Recount.Change> changes = recount.apply(next, user);
    AfterCommit.run(transactions, calendars::invalidate);
    LOG.infof(
        "Calendar version %d (%s, %d) loaded by %s: %d steps recounted",
        next.version(), notice.noticeNumber(), notice.year(), user, changes.size());
    return new Outcome(next.version(), notice.year(), notice.noticeNumber(), first, days, changes);
  }

  /**
   * A version loaded at another node: stored and its moves recounted here; one already stored
   * changes nothing.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void receive(CalendarPublished published) {
    store.lock();
    if (store.find(published.version()).isPresent()) {
      return;
    }
    store.insert(
        new CalendarRepository.Version(
            published.version(),
            published.year(),
            published.noticeNumber(),
            published.title(),
            published.firstChangedDay(),
            published.loadedBy(),
            published.loadedAt(),
            published.node()),
        published.days());
    StatutoryCalendar next = calendars.load(store.latestVersion());
    List<Recount.Change> changes = recount.apply(next, "calendar:" + published.node());
    AfterCommit.run(transactions, calendars::invalidate);
    LOG.infof(
        "Calendar version %d (%s, %d) received from node %s: %d steps recounted",
        published.version(),
        published.noticeNumber(),
        published.year(),
        published.node(),
        changes.size());
  }

  /** Recounts what a version stored but not yet counted moves (after a restart mid-way). */
  @Transactional(Transactional.TxType.MANDATORY)
  public int catchUp() {
    return recount.apply(calendars.current(), "calendar").size();
  }

  /** Only the province's node loads notices; the others receive them. */
  private void requirePublisher() {
    if (node.length() != 2) {
      throw ProblemException.conflict(
          "the official calendar is loaded at the province's node ("
              + node.substring(0, 2)
              + ") and reaches this node ("
              + node
              + ") on the calendar topic; load the notice there");
    }
  }

  private StatutoryCalendar next(StatutoryCalendar current, int year, List<OfficialDay> days) {
    return current.withYear(Math.max(current.version(), store.latestVersion()) + 1, year, days);
  }

  /**
   * The notice's rows as official days, or 422 naming every row that breaks a rule: a date in the
   * notice's year, once; a kind of holiday or workday; a working day (调休上班) only on a Saturday or
   * Sunday; a name.
   */
  List<OfficialDay> check(Notice notice) {
    List<FieldError> errors = new ArrayList<>();
    int thisYear = LocalDate.now(clock).getYear();
    if (notice.year() < FIRST_YEAR || notice.year() > thisYear + 1) {
      errors.add(
          new FieldError(
              "year",
              "KnownYear",
              "a notice is loaded for a year from " + FIRST_YEAR + " to " + (thisYear + 1)));
    }
    if (notice.days() == null || notice.days().isEmpty()) {
      errors.add(new FieldError("days", "NotEmpty", "a notice lists at least one day"));
    }
    List<OfficialDay> days = new ArrayList<>();
    Map<LocalDate, Integer> seen = new HashMap<>();
    List<Row> rows = notice.days() == null ? List.of() : notice.days();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String at = "days[" + i + "]";
      if (row == null) {
        errors.add(new FieldError(at, "NotNull", "a row is a date, a kind and a name"));
        continue;
      }
      boolean ok = true;
      if (row.date() == null) {
        errors.add(new FieldError(at + ".date", "NotNull", "is required (yyyy-MM-dd)"));
        ok = false;
      } else {
        if (row.date().getYear() != notice.year()) {
          errors.add(
              new FieldError(
                  at + ".date",
                  "InYear",
                  row.date() + " is outside the notice's year " + notice.year()));
          ok = false;
        }
        Integer earlier = seen.putIfAbsent(row.date(), i);
        if (earlier != null) {
          errors.add(
              new FieldError(
                  at + ".date",
                  "Unique",
                  row.date() + " is listed twice (also days[" + earlier + "])"));
          ok = false;
        }
      }
      if (!StatutoryCalendar.HOLIDAY.equals(row.kind())
          && !StatutoryCalendar.WORKDAY.equals(row.kind())) {
        errors.add(
            new FieldError(
                at + ".kind", "Kind", "must be holiday (放假) or workday (调休上班), not " + row.kind()));
        ok = false;
      } else if (StatutoryCalendar.WORKDAY.equals(row.kind())
          && row.date() != null
          && row.date().getDayOfWeek() != DayOfWeek.SATURDAY
          && row.date().getDayOfWeek() != DayOfWeek.SUNDAY) {
        errors.add(
            new FieldError(
                at + ".kind",
                "WeekendOnly",
                "a make-up working day (调休上班) is a Saturday or Sunday; "
                    + row.date()
                    + " is a "
                    + row.date().getDayOfWeek()
                    + ", a working day anyway"));
        ok = false;
      }
      if (row.name() == null || row.name().isBlank() || row.name().length() > 20) {
        errors.add(
            new FieldError(
                at + ".name", "Name", "names the holiday in 1 to 20 characters (元旦, 春节 ...)"));
        ok = false;
      }
      if (ok) {
        days.add(new OfficialDay(row.date(), row.kind(), row.name().strip()));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    days.sort(java.util.Comparator.comparing(OfficialDay::date));
    return days;
  }
}
