package cn.gov.petition.common.reference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 被反映单位名称识别: the unit a clerk names in words, as clerks write it (issue 31, item 4): in full
 * (麒麟区人力资源和社会保障局), short (麒麟区人社局), by an old name (麒麟区劳动局), relative to the matter's place (区人社局,
 * 县政府, 街道办), with no place at all (人社局, 派出所), or a township alone (南宁街道). The words are read as a
 * place, then a department by its names in {@code units/aliases.csv} and the template's own.
 *
 * <p>A place named outright is that place, or among places of one name the nearest to the matter's;
 * a relative one (区, 县, 市, 州, 省, 乡, 镇, 街道) is the matter's place at that level; no place is the
 * lowest level of the matter's place that has such a department. Words it cannot read as a unit
 * name no unit: the caller must then rule none out.
 */
public final class UnitNames {

  private static final Map<String, Division.Level> RELATIVE =
      Map.of(
          "省", Division.Level.PROVINCE,
          "市", Division.Level.CITY,
          "州", Division.Level.CITY,
          "区", Division.Level.COUNTY,
          "县", Division.Level.COUNTY,
          "乡", Division.Level.TOWNSHIP,
          "镇", Division.Level.TOWNSHIP,
          "街道", Division.Level.TOWNSHIP);

  /** What a division's name may drop when written short (麒麟区 → 麒麟), longest first. */
  private static final List<String> PLACE_SUFFIXES =
      List.of("街道办事处", "自治县", "自治州", "自治区", "民族乡", "街道", "地区", "省", "市", "州", "区", "县", "镇", "乡");

  private final DivisionTable divisions;
  private final Units units;
  private final Map<String, String> departments = new HashMap<>();
  private final Map<String, List<Division>> places = new HashMap<>();
  private final int longestPlace;

  public UnitNames(DivisionTable divisions, Units units) {
    this.divisions = divisions;
    this.units = units;
    for (String[] row : Units.rows("/units/aliases.csv", 2)) {
      departments.put(row[1], row[0]);
    }
    units.suffixes().forEach((suffix, department) -> departments.putIfAbsent(suffix, department));
    int longest = 0;
    for (Division division : divisions.all()) {
      for (String name : namesOf(division)) {
        places.computeIfAbsent(name, n -> new ArrayList<>()).add(division);
        longest = Math.max(longest, name.length());
      }
    }
    this.longestPlace = longest;
  }

  /** Over the national tables, built once and shared. */
  public static UnitNames national() {
    return National.NAMES;
  }

  private static final class National {
    static final UnitNames NAMES = new UnitNames(DivisionTable.national(), Units.national());
  }

  /**
   * The unit {@code words} name, read from the matter's place.
   *
   * @param words the unit's name as the clerk wrote it
   * @param matterRegionCode the matter's place (问题属地), for a relative or missing place
   * @return the unit's code; empty if the words name no unit that exists
   */
  public Optional<String> unitOf(String words, String matterRegionCode) {
    if (words == null) {
      return Optional.empty();
    }
    String text = words.replaceAll("[\\s\\u3000·（）()]", "");
    if (text.startsWith("中共")) {
      text = text.substring(2);
    }
    if (text.isEmpty()) {
      return Optional.empty();
    }
    List<Division> matterPath = divisions.path(matterRegionCode);
    // a place named outright, the longest name that starts the words
    for (int length = Math.min(longestPlace, text.length()); length >= 2; length--) {
      List<Division> named = places.get(text.substring(0, length));
      if (named != null) {
        Optional<String> unit =
            unitAt(nearest(named, matterRegionCode), departmentOf(text.substring(length)));
        if (unit.isPresent()) {
          return unit;
        }
      }
    }
    // a place relative to the matter's
    for (Map.Entry<String, Division.Level> relative : RELATIVE.entrySet()) {
      if (text.startsWith(relative.getKey()) && text.length() > relative.getKey().length()) {
        Optional<String> department = departmentOf(text.substring(relative.getKey().length()));
        Optional<Division> level =
            matterPath.stream().filter(d -> d.level() == relative.getValue()).findFirst();
        if (department.isPresent() && level.isPresent()) {
          Optional<String> unit = unitAt(level.get(), department);
          if (unit.isPresent()) {
            return unit;
          }
        }
      }
    }
    // no place: the lowest level of the matter's place that has the department
    Optional<String> department = departmentOf(text);
    for (int i = matterPath.size() - 1; i >= 0 && department.isPresent(); i--) {
      Optional<String> unit = unitAt(matterPath.get(i), department);
      if (unit.isPresent()) {
        return unit;
      }
    }
    return Optional.empty();
  }

  /** The department the rest of the words name: none left names the place's government. */
  private Optional<String> departmentOf(String rest) {
    if (rest.isEmpty()) {
      return Optional.of("zf");
    }
    return Optional.ofNullable(departments.get(rest));
  }

  private Optional<String> unitAt(Division division, Optional<String> department) {
    return department
        .map(d -> division.code() + ":" + d)
        .filter(code -> units.find(code).isPresent());
  }

  /** Of the places of one name, the one whose code shares most with the matter's place. */
  private static Division nearest(List<Division> named, String matterRegionCode) {
    return named.stream()
        .max(
            Comparator.comparingInt((Division d) -> common(d.code(), matterRegionCode))
                .thenComparing(Division::code, Comparator.reverseOrder()))
        .orElseThrow();
  }

  private static int common(String a, String b) {
    int i = 0;
    while (i < Math.min(a.length(), b.length()) && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    return i;
  }

  /**
   * A division's full name and its short form (麒麟区, 麒麟), the short one of two characters at least.
   */
  private static List<String> namesOf(Division division) {
    List<String> names = new ArrayList<>(List.of(division.name()));
    for (String suffix : PLACE_SUFFIXES) {
      String name = division.name();
      if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
        names.add(name.substring(0, name.length() - suffix.length()));
        break;
      }
    }
    return names;
  }
}
