package cn.gov.petition.common.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 单位: the bodies of every region, generated from a per-level template of departments ({@code
 * units/departments.csv}) with per-unit exceptions ({@code units/overrides.csv}). A unit's code is
 * {@code <division code>:<department>}, e.g. {@code 530302:zjj} for 麒麟区住房和城乡建设局.
 */
public final class Units {

  /** 信访部门: the department code of a region's petition office. */
  public static final String PETITION_OFFICE = "xfj";

  /** 纪检监察机关: the department code of a region's discipline body. */
  public static final String DISCIPLINE = "jw";

  /** The department part of a unit code (530302:xfj → xfj); empty for a code without one. */
  public static String department(String unitCode) {
    int colon = unitCode == null ? -1 : unitCode.indexOf(':');
    return colon < 0 ? "" : unitCode.substring(colon + 1);
  }

  /** 单位. */
  public record Unit(String code, String name, String regionCode, String department) {}

  /**
   * One department of the template: what kind of body it is, its name at each level, and the
   * department it is part of at a level (if any).
   */
  record Department(
      String code,
      String label,
      Map<Division.Level, String[]> suffixes,
      Map<Division.Level, String> within) {}

  private final DivisionTable divisions;
  private final Map<String, Department> departments;
  private final Map<String, String> renamed = new HashMap<>();
  private final Map<String, Boolean> present = new HashMap<>();

  Units(DivisionTable divisions, Map<String, Department> departments, List<String[]> overrides) {
    this.divisions = divisions;
    this.departments = departments;
    for (String[] row : overrides) {
      if (!row[1].isBlank()) {
        renamed.put(row[0], row[1]);
      }
      present.put(row[0], !"false".equalsIgnoreCase(row[2].trim()));
    }
  }

  /** The national template over the national division table, built once and shared. */
  public static Units national() {
    return National.UNITS;
  }

  private static final class National {
    static final Units UNITS = standard(DivisionTable.national());
  }

  /** The national template with the vendored overrides. */
  public static Units standard(DivisionTable divisions) {
    Map<String, Department> departments = new LinkedHashMap<>();
    for (String[] row : rows("/units/departments.csv", 6)) {
      Department department =
          departments.computeIfAbsent(
              row[0], code -> new Department(code, row[1], new HashMap<>(), new HashMap<>()));
      Division.Level level = Division.Level.valueOf(row[2]);
      department.suffixes().put(level, new String[] {row[3], row[4]});
      if (!row[5].isBlank()) {
        department.within().put(level, row[5]);
      }
    }
    return new Units(divisions, departments, rows("/units/overrides.csv", 3));
  }

  /** The unit's name in words, or {@code otherwise} for a code that names no unit. */
  public String nameOr(String code, String otherwise) {
    return find(code).map(Unit::name).orElse(otherwise);
  }

  /**
   * The unit's name as a document or a notice names it: in words, never its code (issue 31, item
   * 9). For a code the template does not know, its region's name with 有关单位 (麒麟区有关单位), or 有关单位 alone
   * for a code naming no region.
   */
  public String nameInWords(String code) {
    if (code == null) {
      return UNKNOWN;
    }
    return find(code)
        .map(Unit::name)
        .orElseGet(
            () ->
                divisions.find(code.split(":", 2)[0]).map(d -> d.name() + UNKNOWN).orElse(UNKNOWN));
  }

  private static final String UNKNOWN = "有关单位";

  public Optional<Unit> find(String code) {
    String[] parts = code.split(":", 2);
    if (parts.length != 2) {
      return Optional.empty();
    }
    return divisions.find(parts[0]).flatMap(d -> unit(d, parts[1]));
  }

  /** The units of one region, in the template's order. */
  public List<Unit> of(String regionCode) {
    List<Unit> units = new ArrayList<>();
    divisions
        .find(regionCode)
        .ifPresent(d -> departments.keySet().forEach(dep -> unit(d, dep).ifPresent(units::add)));
    return units;
  }

  /**
   * The units of a unit's own department at its level (所在部门): the unit, the body it is part of, and
   * every body part of the same one, per the template's {@code within} column.
   */
  public List<String> departmentOf(String unitCode) {
    String[] parts = unitCode.split(":", 2);
    if (parts.length != 2 || divisions.find(parts[0]).isEmpty()) {
      return List.of(unitCode);
    }
    Division.Level level = divisions.find(parts[0]).get().level();
    String root = root(parts[1], level);
    List<String> units = new ArrayList<>();
    units.add(unitCode);
    for (String department : departments.keySet()) {
      String code = parts[0] + ":" + department;
      if (!code.equals(unitCode)
          && root.equals(root(department, level))
          && find(code).isPresent()) {
        units.add(code);
      }
    }
    return units;
  }

  private String root(String department, Division.Level level) {
    String current = department;
    for (int i = 0; i < departments.size(); i++) {
      Department d = departments.get(current);
      String parent = d == null ? null : d.within().get(level);
      if (parent == null) {
        return current;
      }
      current = parent;
    }
    throw new IllegalStateException("units/departments.csv: 'within' loops at " + department);
  }

  /** 信访部门, 住房和城乡建设部门 ...: what kind of body a department is. */
  public String label(String department) {
    Department d = departments.get(department);
    return d == null ? department : d.label();
  }

  /** Each name the template gives a department at some level (人力资源和社会保障局 → rsj). */
  Map<String, String> suffixes() {
    Map<String, String> names = new HashMap<>();
    departments
        .values()
        .forEach(
            d ->
                d.suffixes()
                    .values()
                    .forEach(
                        pair -> {
                          for (String name : pair) {
                            if (!name.isBlank()) {
                              names.putIfAbsent(name, d.code());
                            }
                          }
                        }));
    return names;
  }

  public boolean isDepartment(String department) {
    return departments.containsKey(department);
  }

  private Optional<Unit> unit(Division division, String department) {
    Department template = departments.get(department);
    String code = division.code() + ":" + department;
    if (template == null || !present.getOrDefault(code, true)) {
      return Optional.empty();
    }
    String[] suffix = template.suffixes().get(division.level());
    if (suffix == null) {
      return Optional.empty();
    }
    boolean street = division.level() == Division.Level.TOWNSHIP && division.name().endsWith("街道");
    String name =
        renamed.getOrDefault(
            code, division.name() + (street && !suffix[1].isEmpty() ? suffix[1] : suffix[0]));
    return Optional.of(new Unit(code, name, division.code(), department));
  }

  static List<String[]> rows(String resource, int columns) {
    InputStream in = Units.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is missing from the class path");
    }
    List<String[]> rows = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine(); // header
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          String[] fields = line.split(",", -1);
          if (fields.length != columns) {
            throw new IllegalStateException(resource + ": " + columns + " columns expected");
          }
          rows.add(fields);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
