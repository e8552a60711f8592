package cn.gov.petition.intake.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The code mapping tables of imports, by region, table and version (docs/migration.md). */
@ApplicationScoped
public class MappingRepository {

  /** One row: a former system's code, the platform's, and the office's note. */
  public record Row(String formerCode, String platformCode, String note) {}

  private final EntityManager em;

  public MappingRepository(EntityManager em) {
    this.em = em;
  }

  /** The newest version of a region's table; 0 when it has none. */
  public int latestVersion(String region, String table) {
    Number version =
        (Number)
            em.createNativeQuery(
                    "SELECT COALESCE(MAX(version), 0) FROM import_mapping_version"
                        + " WHERE region_code = ?1 AND table_name = ?2")
                .setParameter(1, region)
                .setParameter(2, table)
                .getSingleResult();
    return version.intValue();
  }

  /** Stores the rows as the table's next version; returns it. */
  public int addVersion(String region, String table, List<Row> rows, String user, Instant now) {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
        .setParameter(1, "import-mapping|" + region + "|" + table)
        .getSingleResult();
    int version = latestVersion(region, table) + 1;
    em.createNativeQuery(
            "INSERT INTO import_mapping_version (region_code, table_name, version, created_at,"
                + " created_by) VALUES (?1, ?2, ?3, ?4, ?5)")
        .setParameter(1, region)
        .setParameter(2, table)
        .setParameter(3, version)
        .setParameter(4, now)
        .setParameter(5, user)
        .executeUpdate();
    for (Row row : rows) {
      em.createNativeQuery(
              "INSERT INTO import_mapping (region_code, table_name, version, former_code,"
                  + " platform_code, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
          .setParameter(1, region)
          .setParameter(2, table)
          .setParameter(3, version)
          .setParameter(4, row.formerCode())
          .setParameter(5, row.platformCode())
          .setParameter(6, row.note())
          .executeUpdate();
    }
    return version;
  }

  /** A version's rows by former code, in the order of the codes. */
  public Map<String, Row> rows(String region, String table, int version) {
    List<?> found =
        em.createNativeQuery(
                "SELECT former_code, platform_code, note FROM import_mapping"
                    + " WHERE region_code = ?1 AND table_name = ?2 AND version = ?3"
                    + " ORDER BY former_code")
            .setParameter(1, region)
            .setParameter(2, table)
            .setParameter(3, version)
            .getResultList();
    Map<String, Row> rows = new LinkedHashMap<>();
    for (Object r : found) {
      Object[] v = (Object[]) r;
      rows.put((String) v[0], new Row((String) v[0], (String) v[1], (String) v[2]));
    }
    return rows;
  }
}
