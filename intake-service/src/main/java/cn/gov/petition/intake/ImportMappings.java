package cn.gov.petition.intake;

import cn.gov.petition.common.problem.Problem.FieldError;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.reference.Categories;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.intake.store.MappingRepository;
import cn.gov.petition.intake.store.MappingRepository.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 代码对照表: how an office's former system named categories and units, in the platform's codes
 * (docs/migration.md). The office keeps them as data: each upload of a table is a new version of
 * its region's table, the older ones stay readable, and an import reads its records with the newest
 * versions, which its job names.
 */
@ApplicationScoped
public class ImportMappings {

  /** The tables an office keeps. */
  public enum Table {
    /** 内容分类: the former category codes, in the platform's (reference/categories.csv). */
    CATEGORY,
    /** 单位: the former unit codes, in the platform's {@code <division code>:<department>}. */
    UNIT
  }

  /** The tables' rows an import applies, and the versions they are. */
  public record Mapping(Map<Table, Map<String, String>> codes, Map<Table, Integer> versions) {

    public static final Mapping NONE = new Mapping(Map.of(), Map.of());

    /** The platform's code for a former one; the code itself when the table does not list it. */
    public String map(Table table, String code) {
      return code == null ? null : codes.getOrDefault(table, Map.of()).getOrDefault(code, code);
    }

    /** 「CATEGORY v3, UNIT v1」: what a job records it read its records with. */
    public String describe() {
      List<String> parts = new ArrayList<>();
      versions.forEach((table, version) -> parts.add(table + " v" + version));
      return parts.isEmpty() ? null : String.join(", ", parts);
    }
  }

  /** A table as stored: its version and rows. */
  public record Version(Table table, int version, List<Row> rows) {}

  private static final Units UNITS = Units.national();

  private final MappingRepository mappings;
  private final Clock clock;

  public ImportMappings(MappingRepository mappings, Clock clock) {
    this.mappings = mappings;
    this.clock = clock;
  }

  /**
   * Stores the rows (former code, platform code, note) as the next version of the caller's region's
   * table, after checking each: a former code once, a platform code that exists. The first broken
   * row refuses the whole table (422, naming the row and the rule).
   */
  @Transactional
  public Version replace(Table table, List<String[]> rows, Caller caller) {
    List<FieldError> errors = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    List<Row> checked = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      String at = "rows[" + (i + 1) + "]";
      String former = row.length > 0 ? row[0].trim() : "";
      String platform = row.length > 1 ? row[1].trim() : "";
      String note = row.length > 2 && !row[2].isBlank() ? row[2].trim() : null;
      if (former.isEmpty() || former.length() > 64) {
        errors.add(new FieldError(at + ".formerCode", "Size", "原系统代码须为 1 至 64 个字符"));
      } else if (seen.putIfAbsent(former, i + 1) != null) {
        errors.add(
            new FieldError(at + ".formerCode", "Unique", "原系统代码与第 " + seen.get(former) + " 行重复"));
      }
      boolean known =
          switch (table) {
            case CATEGORY -> Categories.table().isFileable(platform);
            case UNIT -> UNITS.find(platform).isPresent();
          };
      if (!known) {
        errors.add(
            new FieldError(
                at + ".platformCode",
                table == Table.CATEGORY ? "Category" : "KnownUnit",
                table == Table.CATEGORY ? "不是平台的信访内容分类代码" : "不是平台的单位代码（<区划代码>:<部门>）"));
      }
      if (note != null && note.length() > 200) {
        errors.add(new FieldError(at + ".note", "Size", "说明超过 200 个字符"));
      }
      checked.add(new Row(former, platform, note));
    }
    if (checked.isEmpty()) {
      throw ProblemException.malformed(
          "body", "NotEmpty", "the table holds no row: 原系统代码,平台代码[,说明]");
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    String region = caller.subtree();
    int version =
        mappings.addVersion(region, table.name(), checked, caller.user(), clock.instant());
    return new Version(table, version, checked);
  }

  /** A version of the caller's region's table (0: the newest); 404 if there is none. */
  @Transactional
  public Version read(Table table, int version, Caller caller) {
    String region = caller.subtree();
    int wanted = version == 0 ? mappings.latestVersion(region, table.name()) : version;
    Map<String, Row> rows = wanted == 0 ? Map.of() : mappings.rows(region, table.name(), wanted);
    if (rows.isEmpty()) {
      throw ProblemException.notFound(
          "mapping table", table + (version == 0 ? "" : " v" + version));
    }
    return new Version(table, wanted, List.copyOf(rows.values()));
  }

  /** The newest version of each of a region's tables, as an import applies them. */
  @Transactional
  public Mapping current(String region) {
    Map<Table, Map<String, String>> codes = new HashMap<>();
    Map<Table, Integer> versions = new java.util.TreeMap<>();
    for (Table table : Table.values()) {
      int version = mappings.latestVersion(region, table.name());
      if (version > 0) {
        Map<String, String> byFormer = new HashMap<>();
        mappings
            .rows(region, table.name(), version)
            .values()
            .forEach(r -> byFormer.put(r.formerCode(), r.platformCode()));
        codes.put(table, byFormer);
        versions.put(table, version);
      }
    }
    return new Mapping(codes, versions);
  }
}
