package cn.gov.petition.common.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 内容分类: the two-level table of what petitions are about, kept as data in {@code
 * reference/categories.csv} (code, Chinese name, parent). Events carry the code; every service
 * reads the names from here, so a category means the same everywhere.
 */
public final class Categories {

  /** One row of the table: level 1 has a 2-digit code and no parent, level 2 a 4-digit code. */
  public record Category(String code, String name, String parent) {
    public boolean isTopLevel() {
      return parent == null;
    }
  }

  private static final Categories TABLE = read("/reference/categories.csv");

  private final Map<String, Category> byCode;

  private Categories(Map<String, Category> byCode) {
    this.byCode = Collections.unmodifiableMap(byCode);
  }

  public static Categories table() {
    return TABLE;
  }

  static Categories read(String resource) {
    Map<String, Category> rows = new LinkedHashMap<>();
    InputStream in = Categories.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is missing from the class path");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine(); // header
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.split(",", -1);
        String parent = fields[2].isEmpty() ? null : fields[2];
        if (parent != null && !rows.containsKey(parent)) {
          throw new IllegalStateException("category " + fields[0] + " names unknown parent");
        }
        rows.put(fields[0], new Category(fields[0], fields[1], parent));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Categories(rows);
  }

  public Optional<Category> find(String code) {
    return Optional.ofNullable(code == null ? null : byCode.get(code));
  }

  /** A petition is filed under a second-level category. */
  public boolean isFileable(String code) {
    return find(code).map(c -> !c.isTopLevel()).orElse(false);
  }

  /** 城乡建设/住房保障 for 0101; the code itself if unknown (an event from a newer table). */
  public String path(String code) {
    return find(code)
        .map(c -> c.isTopLevel() ? c.name() : byCode.get(c.parent()).name() + "/" + c.name())
        .orElse(code);
  }

  public List<Category> all() {
    return List.copyOf(byCode.values());
  }
}
