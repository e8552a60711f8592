package cn.gov.petition.analytics.warnings;

import cn.gov.petition.common.problem.ProblemException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The early-warning rules as data (V5 {@code warning_rule}): each version of each rule kept, the
 * newest in force. A change is a new version with who made it and why; nothing is overwritten.
 */
@ApplicationScoped
public class WarningRules {

  private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {};

  private final EntityManager em;
  private final ObjectMapper json;

  public WarningRules(EntityManager em, ObjectMapper json) {
    this.em = em;
    this.json = json;
  }

  /**
   * One version of a rule.
   *
   * @param name its Chinese name, as the dashboard shows it
   * @param parameters its parameters ({@link RuleKind#parameters()})
   */
  public record Rule(
      String id,
      int version,
      RuleKind kind,
      String name,
      boolean enabled,
      Map<String, Object> parameters,
      Instant changedAt,
      String changedBy,
      String reason) {

    /** A whole-number parameter. */
    public int integer(String parameter) {
      return ((Number) parameters.get(parameter)).intValue();
    }

    public double number(String parameter) {
      return ((Number) parameters.get(parameter)).doubleValue();
    }

    public String text(String parameter) {
      return parameters.get(parameter).toString();
    }
  }

  private static final String COLUMNS =
      "id, version, kind, name, enabled, CAST(parameters AS text), changed_at, changed_by, reason";

  /** The rules in force (the newest version of each), by id. */
  @SuppressWarnings("unchecked")
  public List<Rule> inForce() {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT DISTINCT ON (id) "
                    + COLUMNS
                    + " FROM warning_rule ORDER BY id, version DESC")
            .getResultList();
    return rows.stream().map(this::rule).toList();
  }

  public Optional<Rule> inForce(String id) {
    return inForce().stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** Every version of one rule, newest first. */
  @SuppressWarnings("unchecked")
  public List<Rule> versions(String id) {
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT " + COLUMNS + " FROM warning_rule WHERE id = :id ORDER BY version DESC")
            .setParameter("id", id)
            .getResultList();
    return rows.stream().map(this::rule).toList();
  }

  /**
   * Writes the next version of a rule, if {@code from} is still the version in force: 409 otherwise
   * (someone changed it meanwhile).
   */
  public Rule change(
      Rule from,
      boolean enabled,
      Map<String, Object> parameters,
      String by,
      String reason,
      Instant at) {
    int written =
        em.createNativeQuery(
                "INSERT INTO warning_rule (id, version, kind, name, enabled, parameters,"
                    + " changed_at, changed_by, reason) SELECT :id, :next, kind, name, :enabled,"
                    + " CAST(:parameters AS jsonb), :at, :by, :reason FROM warning_rule"
                    + " WHERE id = :id AND version = :from AND NOT EXISTS (SELECT 1 FROM"
                    + " warning_rule WHERE id = :id AND version > :from)"
                    + " ON CONFLICT DO NOTHING")
            .setParameter("id", from.id())
            .setParameter("next", from.version() + 1)
            .setParameter("from", from.version())
            .setParameter("enabled", enabled)
            .setParameter("parameters", write(parameters))
            .setParameter("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
            .setParameter("by", by)
            .setParameter("reason", reason)
            .executeUpdate();
    if (written == 0) {
      throw ProblemException.conflict(
          "规则 " + from.id() + " 已被他人修改 / the rule changed meanwhile: read it again");
    }
    return new Rule(
        from.id(),
        from.version() + 1,
        from.kind(),
        from.name(),
        enabled,
        parameters,
        at,
        by,
        reason);
  }

  private Rule rule(Object[] row) {
    Object at = row[6];
    Instant changedAt =
        at instanceof Instant i
            ? i
            : at instanceof OffsetDateTime o ? o.toInstant() : ((Timestamp) at).toInstant();
    return new Rule(
        (String) row[0],
        ((Number) row[1]).intValue(),
        RuleKind.valueOf((String) row[2]),
        (String) row[3],
        (Boolean) row[4],
        read((String) row[5]),
        changedAt,
        (String) row[7],
        (String) row[8]);
  }

  private Map<String, Object> read(String text) {
    try {
      return json.readValue(text, PARAMETERS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("warning_rule.parameters is not a JSON object", e);
    }
  }

  private String write(Map<String, Object> parameters) {
    try {
      return json.writeValueAsString(parameters);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
