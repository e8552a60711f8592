package cn.gov.petition.common.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The national four-level division table (全国行政区划), read once per JVM from the CSV files vendored in
 * {@code reference/divisions} (source and licence in its README).
 */
public final class DivisionTable {

  private static volatile DivisionTable national;

  private final Map<String, Division> byCode = new LinkedHashMap<>();
  private final Map<String, List<Division>> children = new HashMap<>();

  public static DivisionTable national() {
    DivisionTable table = national;
    if (table == null) {
      synchronized (DivisionTable.class) {
        table = national;
        if (table == null) {
          table = new DivisionTable();
          for (String file : List.of("provinces", "cities", "areas", "streets")) {
            table.read("/reference/divisions/" + file + ".csv");
          }
          national = table;
        }
      }
    }
    return table;
  }

  public Optional<Division> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  public boolean exists(String code) {
    return code != null && byCode.containsKey(code);
  }

  public List<Division> children(String code) {
    return Collections.unmodifiableList(children.getOrDefault(code, List.of()));
  }

  /** From the province down to the division itself. */
  public List<Division> path(String code) {
    List<Division> path = new ArrayList<>();
    Division division = byCode.get(code);
    while (division != null) {
      path.add(0, division);
      division = division.parentCode() == null ? null : byCode.get(division.parentCode());
    }
    return path;
  }

  /** Every division, provinces first, in the table's order. */
  public Collection<Division> all() {
    return Collections.unmodifiableCollection(byCode.values());
  }

  public int size() {
    return byCode.size();
  }

  private void read(String resource) {
    InputStream in = DivisionTable.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is missing from the class path");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine(); // header: code,name,...
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split(",", 3);
        String code = fields[0];
        String name = fields[1].replace("\"", "");
        Division division = new Division(code, name, Division.Level.ofCode(code));
        byCode.put(code, division);
        if (division.parentCode() != null) {
          children.computeIfAbsent(division.parentCode(), k -> new ArrayList<>()).add(division);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
