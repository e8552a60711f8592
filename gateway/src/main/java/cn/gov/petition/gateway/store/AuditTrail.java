package cn.gov.petition.gateway.store;

import cn.gov.petition.gateway.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 审计日志: the gateway's append-only record of every call (V1 {@code audit_entry}). Entries are
 * written and read here and nowhere else; nothing updates or deletes them, and the table's triggers
 * refuse it.
 */
@ApplicationScoped
public class AuditTrail {

  /** A case named in a path: {@code cases/<uuid>} wherever it stands. */
  private static final Pattern CASE_IN_PATH =
      Pattern.compile(
          "(?:^|/)cases/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"
              + "(?:/|$)");

  private final EntityManager em;

  public AuditTrail(EntityManager em) {
    this.em = em;
  }

  /** Who is calling, as the trail records them. */
  public record Who(String user, String unit, String region, List<String> roles) {}

  /** What the gateway knows of a call when its answer is back. */
  public record Call(
      Instant at,
      Who who,
      String method,
      String service,
      String path,
      List<String> queryNames,
      boolean personalData,
      String reason,
      int status,
      String node) {

    /** A call that stayed on this node. */
    public Call(
        Instant at,
        Who who,
        String method,
        String service,
        String path,
        List<String> queryNames,
        boolean personalData,
        String reason,
        int status) {
      this(at, who, method, service, path, queryNames, personalData, reason, status, null);
    }

    /** The same call, between this node and {@code other}. */
    public Call between(String other) {
      return new Call(
          at, who, method, service, path, queryNames, personalData, reason, status, other);
    }
  }

  /** The case a service path names, or null. */
  static UUID caseOf(String path) {
    Matcher m = CASE_IN_PATH.matcher(path);
    return m.find() ? UUID.fromString(m.group(1)) : null;
  }

  @Transactional
  public void record(Call call) {
    em.createNativeQuery(
            "INSERT INTO audit_entry (at, user_name, unit_code, region_code, roles, method,"
                + " service, path, query_names, case_id, personal_data, reason, status, node)"
                + " VALUES (:at, :user, :unit, :region, :roles, :method, :service, :path,"
                + " :queryNames, :caseId, :personalData, :reason, :status, :node)")
        .setParameter("at", Timestamp.from(call.at()))
        .setParameter("user", call.who().user())
        .setParameter("unit", call.who().unit())
        .setParameter("region", call.who().region())
        .setParameter("roles", String.join(",", call.who().roles()))
        .setParameter("method", call.method())
        .setParameter("service", call.service())
        .setParameter("path", call.path())
        .setParameter("queryNames", String.join(",", call.queryNames()))
        .setParameter("caseId", caseOf(call.path()))
        .setParameter("personalData", call.personalData())
        .setParameter("reason", call.reason())
        .setParameter("status", call.status())
        .setParameter("node", call.node())
        .executeUpdate();
  }

  /** An auditor's question; every filter but the subtree is optional. */
  public record Query(
      String subtree,
      String user,
      String unit,
      UUID caseId,
      Boolean personalData,
      Instant from,
      Instant until,
      Long before,
      int limit) {}

  /** The entries of the callers in a subtree that match, newest first. */
  @Transactional
  @SuppressWarnings("unchecked")
  public List<AuditEntry> find(Query q) {
    StringBuilder sql =
        new StringBuilder(
            "SELECT id, at, user_name, unit_code, region_code, roles, method, service, path,"
                + " query_names, case_id, personal_data, reason, status, node FROM audit_entry"
                + " WHERE region_code LIKE :subtree");
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("subtree", q.subtree() + "%");
    filter(sql, parameters, "user_name = :user", "user", q.user());
    filter(sql, parameters, "unit_code = :unit", "unit", q.unit());
    filter(sql, parameters, "case_id = :caseId", "caseId", q.caseId());
    filter(sql, parameters, "personal_data = :personalData", "personalData", q.personalData());
    filter(
        sql, parameters, "at >= :from", "from", q.from() == null ? null : Timestamp.from(q.from()));
    filter(
        sql,
        parameters,
        "at < :until",
        "until",
        q.until() == null ? null : Timestamp.from(q.until()));
    filter(sql, parameters, "id < :before", "before", q.before());
    sql.append(" ORDER BY id DESC LIMIT :limit");
    parameters.put("limit", q.limit());
    var query = em.createNativeQuery(sql.toString());
    parameters.forEach(query::setParameter);
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(AuditTrail::entry).toList();
  }

  /** Adds a condition and its parameter when the auditor gave that filter. */
  private static void filter(
      StringBuilder sql,
      Map<String, Object> parameters,
      String condition,
      String name,
      Object value) {
    if (value != null) {
      sql.append(" AND ").append(condition);
      parameters.put(name, value);
    }
  }

  private static AuditEntry entry(Object[] r) {
    return new AuditEntry(
        ((Number) r[0]).longValue(),
        instant(r[1]),
        (String) r[2],
        (String) r[3],
        (String) r[4],
        split((String) r[5]),
        (String) r[6],
        (String) r[7],
        (String) r[8],
        split((String) r[9]),
        r[10] == null ? null : r[10].toString(),
        (Boolean) r[11],
        (String) r[12],
        ((Number) r[13]).intValue(),
        (String) r[14]);
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof java.time.OffsetDateTime o) {
      return o.toInstant();
    }
    return ((Timestamp) value).toInstant();
  }

  private static List<String> split(String joined) {
    return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
  }
}
