package cn.gov.petition.analytics.warnings;

import cn.gov.petition.analytics.store.FactRepository;
import cn.gov.petition.common.events.WarningRaised;
import cn.gov.petition.common.outbox.EventIds;
import cn.gov.petition.common.outbox.Outbox;
import cn.gov.petition.common.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The warnings raised (V5 {@code warning}): each once per episode, published as a {@link
 * WarningRaised} event in the same transaction, listed for the dashboard and acknowledged there.
 */
@ApplicationScoped
public class Warnings {

  /** At most this many cases are named as a warning's evidence. */
  static final int MAX_CASES = 50;

  private final EntityManager em;
  private final Outbox outbox;
  private final ObjectMapper json;
  private final Clock clock;
  private final String node;

  public Warnings(
      EntityManager em,
      Outbox outbox,
      ObjectMapper json,
      Clock clock,
      @ConfigProperty(name = "petition.node.region") String node) {
    this.em = em;
    this.outbox = outbox;
    this.json = json;
    this.clock = clock;
    this.node = node;
  }

  /**
   * A finding of a rule.
   *
   * @param episode names the finding so that it is raised once (the rule's id is added)
   * @param figures the evidence as numbers, in the order shown
   */
  public record Finding(
      String regionCode,
      String subject,
      String episode,
      String summary,
      Map<String, Double> figures,
      List<String> caseNumbers) {}

  /** Raises the finding unless its episode was raised before; true if raised now. */
  public boolean raise(WarningRules.Rule rule, Finding finding) {
    // named after its episode: raised again after a restore from a backup, it is the same warning
    // and the same event (docs/backup.md)
    String episode = rule.id() + ":" + finding.episode();
    String cause = "warning:" + episode;
    UUID id = UUID.nameUUIDFromBytes(cause.getBytes(StandardCharsets.UTF_8));
    LocalDate today = LocalDate.now(clock);
    List<String> cases = finding.caseNumbers().stream().limit(MAX_CASES).toList();
    int inserted =
        em.createNativeQuery(
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
            .setParameter("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
            .executeUpdate();
    if (inserted == 0) {
      return false;
    }
    EventIds.derivedFrom(
        cause,
        () ->
            outbox.publish(
                finding.regionCode(),
                finding.subject(),
                new WarningRaised(
                    id.toString(),
                    rule.id(),
                    rule.version(),
                    rule.kind().name(),
                    finding.regionCode(),
                    finding.subject(),
                    finding.summary(),
                    finding.figures(),
                    cases,
                    today,
                    node)));
    return true;
  }

  /** A warning as the dashboard lists it. */
  public record Warning(
      String id,
      String ruleId,
      int ruleVersion,
      String kind,
      String regionCode,
      String subject,
      String summary,
      Map<String, Double> figures,
      List<String> caseNumbers,
      LocalDate raisedOn,
      String status,
      String acknowledgedBy,
      String note) {}

  private static final String COLUMNS =
      "id, rule_id, rule_version, kind, region_code, subject, summary, CAST(figures AS text),"
          + " array_to_string(case_numbers, ','), raised_on, status, acknowledged_by, note";

  /** The warnings of a subtree, newest first; {@code status} null for every status. */
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
  @Transactional
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
    Map<String, Long> counts = new java.util.LinkedHashMap<>();
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

  /** 已研判: someone looked at it and noted what was done; once only (409 after). */
  public void acknowledge(UUID id, String by, String note) {
    int changed =
        em.createNativeQuery(
                "UPDATE warning SET status = 'ACKNOWLEDGED', acknowledged_by = :by,"
                    + " acknowledged_at = :at, note = :note WHERE id = :id AND status = 'OPEN'")
            .setParameter("by", by)
            .setParameter("at", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
            .setParameter("note", note)
            .setParameter("id", id)
            .executeUpdate();
    if (changed == 0) {
      throw ProblemException.conflict("该预警已研判 / the warning was acknowledged already");
    }
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
