package cn.gov.petition.analytics.store;

import cn.gov.petition.analytics.RuleKind;
import cn.gov.petition.analytics.WarningRules.Rule;
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

/** The early-warning rules' table (V5 {@code warning_rule}): every version of every rule. */
@ApplicationScoped
public class WarningRuleRepository {

  private static final TypeReference<Map<String, Object>> PARAMETERS = new TypeReference<>() {};

  private final EntityManager em;
  private final ObjectMapper json;

  public WarningRuleRepository(EntityManager em, ObjectMapper json) {
    this.em = em;
    this.json = json;
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
   * Writes the next version of a rule if {@code from} is still the version in force; false if
   * someone changed it meanwhile.
   */
  public boolean writeNext(
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
    return written == 1;
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
