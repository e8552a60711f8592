package cn.gov.petition.analytics.store;

import cn.gov.petition.analytics.WarningRules;
import cn.gov.petition.analytics.Warnings.Finding;
import cn.gov.petition.analytics.Warnings.Warning;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The warnings' table (V5 {@code warning}): one row per episode raised. */
@ApplicationScoped
public class WarningRepository {

  private static final String COLUMNS =
      "id, rule_id, rule_version, kind, region_code, subject, summary, CAST(figures AS text),"
          + " array_to_string(case_numbers, ','), raised_on, status, acknowledged_by, note";

  private final EntityManager em;
  private final ObjectMapper json;

  public WarningRepository(EntityManager em, ObjectMapper json) {
    this.em = em;
    this.json = json;
  }

  /** Writes the warning unless its episode is written already; true if written now. */
  public boolean insert(
      UUID id,
      WarningRules.Rule rule,
      String episode,
      Finding finding,
      List<String> cases,
      LocalDate today,
      OffsetDateTime at) {
    return em.createNativeQuery(
                "INSERT INTO warning (id, rule_id, rule_version, kind, region_code, subject,"
                    + " episode, summary, figures, case_numbers, raised_on, raised_at, status)"
                    + " VALUES (:id, :rule, :version, :kind, :region, :subject, :episode,"
                    + " :summary, CAST(:figures AS jsonb), CAST(:cases AS text[]), :today, :at,"
                    + " 'OPEN') ON CONFLICT (episode) DO NOTHING")
            .setParameter("id", id)
            .setParameter("rule", rule.id())
            .setParameter("version", rule.version())
            .setParameter("kind", rule.kind().name())
            .setParameter("region", finding.regionCode())
            .setParameter("subject", finding.subject())
            .setParameter("episode", episode)
            .setParameter("summary", finding.summary())
            .setParameter("figures", write(finding.figures()))
            .setParameter("cases", "{" + String.join(",", cases) + "}")
            .setParameter("today", today)
            .setParameter("at", at)
            .executeUpdate()
        == 1;
  }

  /** The warnings of a subtree, newest first; {@code status} and {@code kind} null for all. */
  @SuppressWarnings("unchecked")
  public List<Warning> inSubtree(String region, String status, String kind, int limit) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM warning WHERE region_code LIKE :prefix"
                    + " AND (CAST(:status AS text) IS NULL OR status = :status)"
                    + " AND (CAST(:kind AS text) IS NULL OR kind = :kind)"
                    + " ORDER BY raised_on DESC, raised_at DESC, id LIMIT :limit")
            .setParameter("prefix", region + "%")
            .setParameter("status", status)
            .setParameter("kind", kind)
            .setParameter("limit", limit)
            .getResultList();
    return rows.stream().map(this::warning).toList();
  }

  /** How many warnings of each kind were raised in a subtree between two days. */
  @SuppressWarnings("unchecked")
  public Map<String, Long> countByKind(String region, LocalDate from, LocalDate to) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT kind, count(*) FROM warning WHERE region_code LIKE :prefix"
                    + " AND raised_on BETWEEN :from AND :to GROUP BY kind ORDER BY kind")
            .setParameter("prefix", region + "%")
            .setParameter("from", from)
            .setParameter("to", to)
            .getResultList();
    Map<String, Long> counts = new LinkedHashMap<>();
    rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
    return counts;
  }

  @SuppressWarnings("unchecked")
  public Optional<Warning> find(UUID id) {
    List<Object[]> rows =
        em.createNativeQuery("SELECT " + COLUMNS + " FROM warning WHERE id = :id")
            .setParameter("id", id)
            .getResultList();
    return rows.stream().map(this::warning).findFirst();
  }

  /** Marks an open warning acknowledged; false if it was not open. */
  public boolean acknowledge(UUID id, String by, String note, OffsetDateTime at) {
    return em.createNativeQuery(
                "UPDATE warning SET status = 'ACKNOWLEDGED', acknowledged_by = :by,"
                    + " acknowledged_at = :at, note = :note WHERE id = :id AND status = 'OPEN'")
            .setParameter("by", by)
            .setParameter("at", at)
            .setParameter("note", note)
            .setParameter("id", id)
            .executeUpdate()
        == 1;
  }

  private Warning warning(Object[] r) {
    String cases = (String) r[8];
    return new Warning(
        r[0].toString(),
        (String) r[1],
        ((Number) r[2]).intValue(),
        (String) r[3],
        (String) r[4],
        (String) r[5],
        (String) r[6],
        read((String) r[7]),
        cases == null || cases.isEmpty() ? List.of() : Arrays.asList(cases.split(",")),
        FactRepository.date(r[9]),
        (String) r[10],
        (String) r[11],
        (String) r[12]);
  }

  private Map<String, Double> read(String text) {
    try {
      return json.readValue(text, new TypeReference<Map<String, Double>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("warning.figures is not a JSON object", e);
    }
  }

  private String write(Map<String, Double> figures) {
    try {
      return json.writeValueAsString(figures);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
