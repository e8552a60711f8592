package cn.gov.petition.intake.store;

import cn.gov.petition.contracts.CalendarPublished;
import cn.gov.petition.contracts.CalendarPublished.OfficialDay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 法定节假日安排 as stored: every calendar version with its notice, and the days it holds. The days of a
 * version are those of each year's latest version up to it.
 */
@ApplicationScoped
public class CalendarRepository {

  private final EntityManager em;

  public CalendarRepository(EntityManager em) {
    this.em = em;
  }

  /** A version's record, without its days. */
  public record Version(
      int version,
      Integer year,
      String noticeNumber,
      String title,
      LocalDate firstChangedDay,
      String loadedBy,
      Instant loadedAt,
      String node) {}

  /** Serialises the loading of versions at a node: one at a time, numbered in order. */
  public void lock() {
    em.createNativeQuery("LOCK TABLE calendar_version IN SHARE ROW EXCLUSIVE MODE").executeUpdate();
  }

  public int latestVersion() {
    Number latest =
        (Number)
            em.createNativeQuery("SELECT coalesce(max(version), 0) FROM calendar_version")
                .getSingleResult();
    return latest.intValue();
  }

  /** Every version, newest first. */
  @SuppressWarnings("unchecked")
  public List<Version> versions() {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT version, year, notice_number, title, first_changed_day, loaded_by,"
                    + " loaded_at, node FROM calendar_version ORDER BY version DESC")
            .getResultList();
    return rows.stream().map(CalendarRepository::version).toList();
  }

  public Optional<Version> find(int version) {
    return versions().stream().filter(v -> v.version() == version).findFirst();
  }

  /** The years each version up to {@code version} holds, and the days of each year's latest one. */
  @SuppressWarnings("unchecked")
  public Map<Integer, List<OfficialDay>> daysByYear(int version) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT d.version, d.day, d.kind, d.name FROM official_day d WHERE d.version <= ?1"
                    + " ORDER BY d.version, d.day")
            .setParameter(1, version)
            .getResultList();
    Map<Integer, Integer> latestOfYear = new HashMap<>();
    Map<Integer, Map<Integer, List<OfficialDay>>> byYearAndVersion = new HashMap<>();
    for (Object[] row : rows) {
      int v = ((Number) row[0]).intValue();
      LocalDate day = NativeValues.date(row[1]);
      latestOfYear.merge(day.getYear(), v, Math::max);
      byYearAndVersion
          .computeIfAbsent(day.getYear(), y -> new HashMap<>())
          .computeIfAbsent(v, x -> new ArrayList<>())
          .add(new OfficialDay(day, (String) row[2], (String) row[3]));
    }
    // a year a later notice declared free of official days (none: a weekday-only year) keeps none
    for (Version v : versions()) {
      if (v.version() <= version && v.year() != null) {
        latestOfYear.merge(v.year(), v.version(), Math::max);
      }
    }
    Map<Integer, List<OfficialDay>> result = new HashMap<>();
    latestOfYear.forEach(
        (year, v) ->
            result.put(
                year, byYearAndVersion.getOrDefault(year, Map.of()).getOrDefault(v, List.of())));
    return result;
  }

  /** Stores a version and its days; false if that version is stored already. */
  public boolean insert(Version v, List<OfficialDay> days) {
    int inserted =
        em.createNativeQuery(
                "INSERT INTO calendar_version (version, year, notice_number, title,"
                    + " first_changed_day, loaded_by, loaded_at, node) VALUES (?1, ?2, ?3, ?4, ?5,"
                    + " ?6, ?7, ?8) ON CONFLICT (version) DO NOTHING")
            .setParameter(1, v.version())
            .setParameter(2, v.year())
            .setParameter(3, v.noticeNumber())
            .setParameter(4, v.title())
            .setParameter(5, v.firstChangedDay())
            .setParameter(6, v.loadedBy())
            .setParameter(7, Timestamp.from(v.loadedAt()))
            .setParameter(8, v.node())
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    for (OfficialDay day : days) {
      em.createNativeQuery(
              "INSERT INTO official_day (version, day, kind, name) VALUES (?1, ?2, ?3, ?4)")
          .setParameter(1, v.version())
          .setParameter(2, day.date())
          .setParameter(3, day.kind())
          .setParameter(4, day.name())
          .executeUpdate();
    }
    return true;
  }

  /** The event a version makes (its own days only). */
  public static CalendarPublished event(Version v, List<OfficialDay> days) {
    return new CalendarPublished(
        v.version(),
        v.year(),
        v.noticeNumber(),
        v.title(),
        v.firstChangedDay(),
        v.loadedBy(),
        v.loadedAt(),
        v.node(),
        days);
  }

  private static Version version(Object[] row) {
    return new Version(
        ((Number) row[0]).intValue(),
        row[1] == null ? null : ((Number) row[1]).intValue(),
        (String) row[2],
        (String) row[3],
        row[4] == null ? null : NativeValues.date(row[4]),
        (String) row[5],
        NativeValues.instant(row[6]),
        (String) row[7]);
  }
}
