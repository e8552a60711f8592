package cn.gov.petition.bench;

import cn.gov.petition.common.crypto.FieldCipher;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finding cases (issue 28: a county's query p95 under 200 ms, a case number under 100 ms, at each
 * level, on 10 million cases): a running node of 云南省 whose intake database holds {@code --cases}
 * cases over the province's units, received over ten years, each with its step due next. Asks the
 * case list and the queues through the gateway, as a clerk's page does, at each level (province,
 * city, county, township), one request at a time, and reports p50/p95/p99.
 *
 * <p>Run: {@code bench/run search [--cases 10000000] [--requests 200]}.
 */
public final class SearchBench {

  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    Requests.onYunnanNode(args, "search", SearchBench::fill, SearchBench::ask);
  }

  private static void ask(HttpClient http, String gateway, Map<String, String> tokens, int requests)
      throws Exception {
    List<String[]> questions =
        List.of(
            new String[] {"newest first", "/api/intake/cases?region=%s"},
            new String[] {
              "a category, due in 7 days", "/api/intake/cases?region=%s&category=01&dueWithin=7"
            },
            new String[] {
              "overdue, soonest first", "/api/intake/cases?region=%s&overdue=true&sort=dueOn"
            },
            new String[] {
              "received last month",
              "/api/intake/cases?region=%1$s&receivedFrom=%2$s&receivedTo=%3$s"
            },
            new String[] {"by case number", "/api/intake/cases?caseNumber=%s"},
            new String[] {"words: 供暖 (1 in 16)", "/api/intake/cases?region=%1$s&q=%4$s"},
            new String[] {"words: 拖欠 工资", "/api/intake/cases?region=%1$s&q=%5$s+%6$s"},
            new String[] {"words: a phrase", "/api/intake/cases?region=%1$s&q=%7$s"},
            new String[] {"what the region owes", "/api/intake/queue?region=%s"});
    java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    String from = today.minusMonths(1).withDayOfMonth(1).toString();
    String to = today.withDayOfMonth(1).minusDays(1).toString();
    Requests.askAtEachLevel(
        http,
        gateway,
        tokens,
        requests,
        questions,
        (level, question) ->
            question[0].equals("by case number")
                ? question[1].formatted(caseNumberIn(level))
                : question[1].formatted(
                    level, from, to, enc("供暖"), enc("拖欠"), enc("工资"), enc("征地补偿款未发放")));
  }

  private static String enc(String words) {
    return java.net.URLEncoder.encode(words, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** A case number the fill gave a case of the region. */
  private static String caseNumberIn(String level) {
    return NUMBERS.getOrDefault(level, "53-20260101-00001");
  }

  /** One filled case number per level, kept by the fill for the questions. */
  private static final Map<String, String> NUMBERS = new java.util.concurrent.ConcurrentHashMap<>();

  /** How many different contents the cases share. */
  private static final int CONTENTS = 20_000;

  /**
   * {@link #CONTENTS} petitions' contents as clerks write them (a place, a matter, two details, a
   * request: 35 to 45 characters, one matter in 16), sealed under the node's key with their word
   * index (ADR 29), in {@code bench_content}.
   *
   * @return the id of the key they are sealed under
   */
  private static String contents(Connection db, String fieldKey) throws Exception {
    String[] places = {"建设路", "南宁街道", "麒麟区", "西城街道", "寥廓南路", "珠街村"};
    String[] matters = {
      "小区供暖长期不达标", "拖欠农民工工资", "征地补偿款未发放", "物业公司乱收费", "道路施工噪音扰民", "楼道照明损坏无人维修",
      "低保资格被取消", "医保报销比例有误", "学校乱收补课费", "违章建筑影响采光", "养殖场污染河道", "房屋漏水开发商不管",
      "村务公开不及时", "退役军人待遇未落实", "网约车营运证办理难", "停车位被长期占用"
    };
    String[] details = {
      "多次反映未解决", "已向街道反映两次", "相关部门互相推诿", "至今没有答复", "影响全家生活", "涉及住户三十余户", "去年起一直如此", "已持续半年"
    };
    String[] requests = {"请求尽快处理", "希望依法解决", "要求给予补偿", "请求上级督办", "恳请调查核实"};
    FieldCipher cipher = FieldCipher.of(fieldKey);
    java.util.Random random = new java.util.Random(28);
    try (Statement sql = db.createStatement()) {
      sql.execute(
          "CREATE TABLE bench_content (k INT PRIMARY KEY, content TEXT NOT NULL, words INT[])");
    }
    try (java.sql.PreparedStatement insert =
        db.prepareStatement("INSERT INTO bench_content VALUES (?, ?, CAST(? AS int[]))")) {
      for (int k = 0; k < CONTENTS; k++) {
        String content =
            places[random.nextInt(places.length)]
                + matters[k % matters.length]
                + "，"
                + details[random.nextInt(details.length)]
                + "，"
                + details[random.nextInt(details.length)]
                + "。"
                + requests[random.nextInt(requests.length)]
                + "。";
        int[] words = cipher.wordDigests(cn.gov.petition.intake.ContentWords.pairs(content));
        insert.setInt(1, k);
        insert.setString(2, cipher.encrypt(content));
        insert.setString(
            3,
            java.util.Arrays.stream(words)
                .mapToObj(Integer::toString)
                .collect(java.util.stream.Collectors.joining(",", "{", "}")));
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return cipher.currentKeyId();
  }

  /**
   * Cases and their next steps, written by SQL over the province's units: every column the table
   * requires gets a value of its type unless the bench names it, so that the fill follows the
   * migrations. The contents are sealed and indexed as the node does it ({@link #contents}).
   */
  static void fill(Connection db, int cases, String fieldKey) throws Exception {
    long start = System.nanoTime();
    try (Statement sql = db.createStatement()) {
      sql.execute("SET search_path TO intake");
    }
    int n = Requests.yunnanUnits(db);
    String keyId = contents(db, fieldKey);
    System.out.printf("filling: %,d cases over the %,d units of 云南省%n", cases, n);
    String rule;
    try (Statement sql = db.createStatement();
        ResultSet r = sql.executeQuery("SELECT min(id) FROM deadline_rule WHERE step = 'HANDLE'")) {
      r.next();
      rule = r.getString(1);
    }
    String day = "(current_date - (i % 3650))";
    String number =
        "u.region || '-' || to_char("
            + day
            + ", 'YYYYMMDD') || '-' || lpad((i / 3650 % 100000)::text, 5, '0')";
    Map<String, String> caseColumns =
        Map.ofEntries(
            Map.entry("id", "md5('c' || i)::uuid"),
            Map.entry("case_number", number),
            Map.entry("query_code", "md5('q' || i)"),
            Map.entry("query_code_digest", "md5('d' || i)"),
            Map.entry(
                "channel", "CASE i % 4 WHEN 0 THEN 'VISIT' WHEN 1 THEN 'ONLINE' ELSE 'LETTER' END"),
            Map.entry("received_on", day),
            Map.entry("registered_at", day + "::timestamptz + interval '9 hours'"),
            Map.entry("registering_unit", "u.unit_code"),
            Map.entry("registered_by", "'bench'"),
            Map.entry("matter_region_code", "u.region"),
            Map.entry(
                "category",
                "CASE i % 5 WHEN 0 THEN '0105' WHEN 1 THEN '0201' WHEN 2 THEN '0301' ELSE '0102' END"),
            Map.entry("content", "b.content"),
            Map.entry("person_count", "1"),
            Map.entry("status", "CASE WHEN i % 3650 < 60 THEN 'ACCEPTED' ELSE 'CLOSED' END"),
            Map.entry("handling_unit", "u.unit_code"),
            Map.entry("handling_region", "u.region"),
            Map.entry("petition_class", "CASE WHEN i % 50 = 0 THEN 'ACCUSATION' ELSE 'APPEAL' END"),
            Map.entry("collective", "i % 40 = 0"));
    Map<String, String> stepColumns =
        Map.ofEntries(
            Map.entry("case_id", "md5('c' || i)::uuid"),
            Map.entry("step", "'HANDLE'"),
            Map.entry("unit_code", "u.unit_code"),
            Map.entry("unit_region_code", "u.region"),
            Map.entry("started_on", day),
            Map.entry("due_on", day + " + 60"),
            Map.entry("rule_id", rule),
            Map.entry("days", "60"));
    String caseInsert = insert(db, "petition_case", caseColumns);
    String stepInsert = insert(db, "case_step", stepColumns);
    int chunk = 1_000_000;
    try (Statement sql = db.createStatement()) {
      for (int from = 1; from <= cases; from += chunk) {
        int to = Math.min(cases, from + chunk - 1);
        String series =
            " FROM generate_series(%d, %d) AS i JOIN bench_unit u ON u.n = i %% %d"
                    .formatted(from, to, n)
                + " JOIN bench_content b ON b.k = i %% %d".formatted(CONTENTS);
        sql.execute(caseInsert + series + " ON CONFLICT DO NOTHING");
        // the word index, its scope made by the table's trigger from each case (V18)
        sql.execute(
            "INSERT INTO case_terms (case_id, key_id, words) SELECT md5('c' || i)::uuid, '"
                + keyId
                + "', b.words"
                + series
                + " WHERE EXISTS (SELECT 1 FROM petition_case c WHERE c.id = md5('c' || i)::uuid)"
                + " ON CONFLICT DO NOTHING");
        // the open steps of the cases still in the procedure (received in the last 60 days)
        sql.execute(
            stepInsert
                + series
                + " WHERE i % 3650 < 60 AND EXISTS (SELECT 1 FROM petition_case c"
                + " WHERE c.id = md5('c' || i)::uuid)");
        System.out.printf("  %,d cases%n", to);
      }
      // each region's case numbers of a day go on from the last the fill gave, as a node's do: a
      // registration today must not be given a number of the fill (a 5 million fill has 1,369 of
      // them for each region's today)
      sql.execute(
          "INSERT INTO case_number_sequence (region_code, day, last_value)"
              + " SELECT split_part(case_number, '-', 1),"
              + " to_date(split_part(case_number, '-', 2), 'YYYYMMDD'),"
              + " max(split_part(case_number, '-', 3)::int) FROM petition_case GROUP BY 1, 2"
              + " ON CONFLICT (region_code, day) DO UPDATE SET last_value ="
              + " GREATEST(case_number_sequence.last_value, EXCLUDED.last_value)");
      for (String level : List.of("53", "5303", "530302", "530302001")) {
        try (ResultSet r =
            sql.executeQuery(
                "SELECT case_number FROM petition_case WHERE matter_region_code LIKE '"
                    + level
                    + "%' LIMIT 1")) {
          if (r.next()) {
            NUMBERS.put(level, r.getString(1));
          }
        }
      }
    }
    System.out.printf("filled in %.0f s%n", (System.nanoTime() - start) / 1e9);
    try (Statement sql = db.createStatement();
        ResultSet r =
            sql.executeQuery(
                "SELECT pg_size_pretty(pg_total_relation_size('case_terms')),"
                    + " pg_size_pretty(pg_relation_size('case_terms_search')),"
                    + " pg_size_pretty(pg_total_relation_size('petition_case')),"
                    + " (SELECT avg(array_length(words, 1)) FROM case_terms)")) {
      r.next();
      System.out.printf(
          "word index: %s (its GIN index %s; the cases: %s), %.1f pairs per case%n",
          r.getString(1), r.getString(2), r.getString(3), r.getDouble(4));
    }
  }

  /**
   * {@code INSERT INTO table (...) SELECT ...}: the named columns with their expressions, and every
   * other column that is required and has no default with a value of its type.
   */
  static String insert(Connection db, String table, Map<String, String> named) throws Exception {
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    try (Statement sql = db.createStatement();
        ResultSet r =
            sql.executeQuery(
                "SELECT column_name, data_type, is_nullable, column_default"
                    + " FROM information_schema.columns WHERE table_schema = 'intake'"
                    + " AND table_name = '"
                    + table
                    + "' ORDER BY ordinal_position")) {
      while (r.next()) {
        String column = r.getString(1);
        if (named.containsKey(column)) {
          columns.add(column);
          values.add(named.get(column));
        } else if ("NO".equals(r.getString(3)) && r.getString(4) == null) {
          columns.add(column);
          values.add(
              switch (r.getString(2)) {
                case "boolean" -> "false";
                case "integer", "bigint", "smallint", "numeric", "double precision" -> "0";
                case "date" -> "current_date";
                case "timestamp with time zone" -> "now()";
                case "uuid" -> "md5('x' || i)::uuid";
                case "ARRAY" -> "'{}'";
                default -> "'BENCH'";
              });
        }
      }
    }
    return "INSERT INTO "
        + table
        + " ("
        + String.join(", ", columns)
        + ") SELECT "
        + String.join(", ", values);
  }
}
