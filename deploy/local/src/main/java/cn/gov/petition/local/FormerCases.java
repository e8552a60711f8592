package cn.gov.petition.local;

import cn.gov.petition.common.reference.Division;
import cn.gov.petition.common.reference.DivisionTable;
import cn.gov.petition.common.reference.Units;
import cn.gov.petition.infra.Identities;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * 历史案件生成: a former system's export as docs/migration.md describes it, for the demo province, the
 * import bench and the tests. Cases over the real townships of a region, received on working days
 * with the seasonal pattern of a year of petitions (more before the Spring Festival, wage arrears
 * in winter, pollution in summer), and the mix of outcomes of a real year: most forwarded and
 * accepted in time, some late, some declined or referred to a statutory channel, a few objected,
 * some extended; answers mostly explained, evaluated within the window or not at all, closed. A
 * step that would fall after {@code today} is not taken: recent cases stay open at the step they
 * reached. Some petitioners come again about the same matter (重复信访). The same seed gives the same
 * file.
 */
public final class FormerCases {

  /** Relative volume by month (January first): 年前 peaks, summer lull. */
  private static final double[] SEASON = {
    1.35, 1.15, 1.0, 0.95, 0.95, 0.9, 0.85, 0.85, 0.95, 1.0, 1.05, 1.25
  };

  /** Category, the county department that handles it, and what petitioners write. */
  private static final String[][] MATTERS = {
    {"0105", "zjj", "小区供暖长期不达标，物业多次承诺整改未落实，请求督促解决。"},
    {"0103", "zjj", "物业公司擅自提高物业费且服务不到位，请求依法查处。"},
    {"0101", "zjj", "保障性住房分配不公开，申请三年未获答复，请求核查。"},
    {"0201", "rsj", "建筑工地拖欠农民工工资，涉及十余人，请求协调支付。"},
    {"0202", "rsj", "单位未依法缴纳社会保险，退休待遇受影响，请求补缴。"},
    {"0301", "nync", "土地承包经营权被村委会收回另行发包，请求恢复。"},
    {"0303", "nync", "惠农补贴未按标准发放到户，请求核实。"},
    {"0401", "zrzy", "土地征收补偿标准过低且未公示，请求依法补偿。"},
    {"0502", "sthj", "养殖场污水直排河道，夏季异味严重，请求查处。"},
    {"0503", "sthj", "附近厂房夜间施工噪声扰民，请求制止。"},
    {"0702", "wjw", "医保报销比例与政策不符，请求说明并补报。"},
    {"0801", "jyj", "学校校车线路调整后学生上学路程过远，请求恢复原线路。"},
    {"0901", "jtj", "乡村公路损毁严重，雨季无法通行，请求维修。"},
    {"1001", "mzj", "家庭困难申请低保未获批准，请求复核。"},
    {"1102", "scjg", "商户预付卡退费难，经营者关门失联，请求协助维权。"}
  };

  private static final String SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗";
  private static final String GIVEN = "春梅建国志强秀英德华丽波明敏芳军华红霞桂兰玉兰海燕";

  private final Random random;
  private final String prefix;
  private final LocalDate today;
  private final List<Division> townships;
  private final Units units;
  private final int serialBase;
  private final List<Map<String, Object>> earlier = new ArrayList<>();

  /**
   * @param region the region whose townships the matters lie in (a province, city or county)
   * @param prefix what the former case numbers start with (one import file, one prefix)
   * @param today the last day a step may be taken on
   * @param seed the same seed gives the same cases
   */
  public FormerCases(String region, String prefix, LocalDate today, long seed) {
    DivisionTable divisions = DivisionTable.national();
    this.random = new Random(seed);
    this.prefix = prefix;
    this.today = today;
    this.units = Units.standard(divisions);
    this.townships =
        divisions.all().stream()
            .filter(d -> d.level() == Division.Level.TOWNSHIP && d.code().startsWith(region))
            .sorted(java.util.Comparator.comparing(Division::code))
            .toList();
    if (townships.isEmpty()) {
      throw new IllegalArgumentException("no township in region " + region);
    }
    // resident IDs of people born 1950–1999, apart from those the tests draw
    this.serialBase = 1_000_000 + (int) Math.floorMod(seed, 8_000_000L);
  }

  /** {@code count} cases received from {@code from} to {@code to}, oldest first. */
  public List<Map<String, Object>> between(LocalDate from, LocalDate to, int count) {
    List<LocalDate> days = receiptDays(from, to, count);
    List<Map<String, Object>> cases = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      cases.add(next(i, days.get(i)));
    }
    return cases;
  }

  /** Working days drawn by the season's weights, in order. */
  private List<LocalDate> receiptDays(LocalDate from, LocalDate to, int count) {
    List<LocalDate> working = new ArrayList<>();
    double total = 0;
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      if (d.getDayOfWeek().getValue() <= 5) {
        working.add(d);
        total += SEASON[d.getMonthValue() - 1];
      }
    }
    List<LocalDate> days = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      double at = random.nextDouble() * total;
      for (LocalDate d : working) {
        at -= SEASON[d.getMonthValue() - 1];
        if (at <= 0) {
          days.add(d);
          break;
        }
      }
      if (days.size() <= i) {
        days.add(working.get(working.size() - 1));
      }
    }
    days.sort(null);
    return days;
  }

  private Map<String, Object> next(int i, LocalDate received) {
    Map<String, Object> repeated =
        !earlier.isEmpty() && random.nextInt(100) < 5
            ? earlier.get(random.nextInt(earlier.size()))
            : null;
    Division township =
        repeated == null
            ? townships.get(random.nextInt(townships.size()))
            : DivisionTable.national().find((String) repeated.get("township")).orElseThrow();
    String county = township.code().substring(0, 6);
    String[] matter =
        repeated == null
            ? MATTERS[random.nextInt(MATTERS.length)]
            : (String[]) repeated.get("matter");
    int serial = repeated == null ? serialBase + i : (Integer) repeated.get("serial");

    Map<String, Object> petitioner = new LinkedHashMap<>();
    petitioner.put(
        "name",
        repeated == null
            ? SURNAMES.charAt(random.nextInt(SURNAMES.length()))
                + GIVEN.substring(2 * random.nextInt(GIVEN.length() / 2)).substring(0, 2)
            : repeated.get("name"));
    petitioner.put("idNumber", Identities.residentId(county, serial));
    petitioner.put("phone", Identities.mobile(serial));
    petitioner.put("address", township.name() + "某村" + (serial % 97 + 1) + "号");
    petitioner.put("addressRegionCode", township.code());

    Map<String, Object> registration = new LinkedHashMap<>();
    String channel = pick("LETTER", 40, "VISIT", 30, "ONLINE", 20, "PHONE", 10);
    registration.put("channel", channel);
    registration.put("receivedOn", received.toString());
    registration.put("matterRegionCode", township.code());
    registration.put("petitionClass", "APPEAL");
    registration.put("purpose", "SEEK_SOLUTION");
    registration.put("category", matter[0]);
    registration.put("content", matter[2]);
    registration.put("personCount", 1);
    registration.put("petitioners", List.of(petitioner));

    String office = county + ":xfj";
    String bureau = unit(county, matter[1]);
    Map<String, Object> record = new LinkedHashMap<>();
    record.put(
        "oldCaseNumber", prefix + "-" + received.getYear() + "-" + String.format("%06d", i + 1));
    record.put("registration", registration);
    record.put("registeredBy", actor(office));
    record.put("steps", steps(received, office, bureau, county));
    if (repeated == null && earlier.size() < 2_000) {
      earlier.add(
          Map.of(
              "township",
              township.code(),
              "matter",
              matter,
              "serial",
              serial,
              "name",
              petitioner.get("name")));
    }
    return record;
  }

  /** The steps the case went through, as far as {@code today}. */
  private List<Map<String, Object>> steps(
      LocalDate received, String office, String bureau, String county) {
    List<Map<String, Object>> steps = new ArrayList<>();
    LocalDate forwarded = workingDayFrom(received.plusDays(1 + random.nextInt(4)));
    if (!add(steps, step("FORWARDED", forwarded, office).with("toUnit", bureau))) {
      return steps;
    }
    int fate = random.nextInt(100);
    if (fate < 3) {
      add(
          steps,
          step("REFERRED", workingDayFrom(forwarded.plusDays(3)), bureau)
              .with("outcome", "LITIGATION")
              .with("text", "该事项属于诉讼程序，已告知信访人向人民法院提起诉讼。"));
      return steps;
    }
    if (fate < 8) {
      add(
          steps,
          step("DECLINED", workingDayFrom(forwarded.plusDays(5)), bureau)
              .with("text", "该事项已经依法处理完毕，信访人无新的事实和理由。"));
      return steps;
    }
    boolean late = random.nextInt(100) < 8;
    LocalDate accepted =
        workingDayFrom(forwarded.plusDays(late ? 17 + random.nextInt(8) : 2 + random.nextInt(9)));
    if (!add(steps, step("ACCEPTED", accepted, bureau))) {
      return steps;
    }
    boolean extended = random.nextInt(100) < 8;
    if (extended
        && !add(
            steps,
            step("EXTENDED", accepted.plusDays(45), bureau)
                .with("days", 30)
                .with("text", "情况复杂，需现场核查并协调多个部门。"))) {
      return steps;
    }
    int handling =
        extended
            ? 70 + random.nextInt(15)
            : random.nextInt(100) < 6 ? 62 + random.nextInt(10) : 15 + random.nextInt(40);
    LocalDate answered = accepted.plusDays(handling);
    String outcome = pick("SUPPORTED", 35, "EXPLAINED", 50, "NOT_SUPPORTED", 15);
    if (!add(
        steps,
        step("OPINION_ISSUED", answered, bureau)
            .with("outcome", outcome)
            .with("text", "经调查核实，已依法依规作出处理。"))) {
      return steps;
    }
    if (random.nextInt(100) < 80) {
      String satisfaction = pick("SATISFIED", 70, "BASICALLY_SATISFIED", 20, "UNSATISFIED", 10);
      if (!add(
          steps,
          step("EVALUATED", answered.plusDays(1 + random.nextInt(5)), office)
              .with("outcome", satisfaction))) {
        return steps;
      }
    }
    add(
        steps,
        step("CLOSED", workingDayFrom(answered.plusDays(8 + random.nextInt(12))), bureau)
            .with(
                "checklist",
                "SUPPORTED".equals(outcome)
                    ? Map.of("problemSolved", "诉求合理，问题已解决。")
                    : Map.of("counselled", "已当面解释政策，做好思想疏导。")));
    return steps;
  }

  /** Adds the step if it was taken by today; false (and nothing added) if not yet. */
  private boolean add(List<Map<String, Object>> steps, Step step) {
    if (LocalDate.parse((String) step.fields.get("on")).isAfter(today)) {
      return false;
    }
    steps.add(step.fields);
    return true;
  }

  private static Step step(String act, LocalDate on, String unit) {
    Step step = new Step(new LinkedHashMap<>());
    step.fields.put("act", act);
    step.fields.put("on", on.toString());
    step.fields.put("by", actor(unit));
    return step;
  }

  private record Step(Map<String, Object> fields) {
    Step with(String key, Object value) {
      fields.put(key, value);
      return this;
    }
  }

  private static Map<String, Object> actor(String unit) {
    return Map.of("unit", unit, "user", unit.endsWith(":xfj") ? "登记员" : "承办人");
  }

  /** The county's department, or its government where the template has none. */
  private String unit(String county, String department) {
    String code = county + ":" + department;
    return units.find(code).isPresent() ? code : county + ":zf";
  }

  private static LocalDate workingDayFrom(LocalDate day) {
    LocalDate d = day;
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.plusDays(1);
    }
    return d;
  }

  /** One of the values by weight: pick("A", 70, "B", 30). */
  private String pick(Object... valuesAndWeights) {
    int total = 0;
    for (int i = 1; i < valuesAndWeights.length; i += 2) {
      total += (Integer) valuesAndWeights[i];
    }
    int at = random.nextInt(total);
    for (int i = 0; i < valuesAndWeights.length; i += 2) {
      at -= (Integer) valuesAndWeights[i + 1];
      if (at < 0) {
        return (String) valuesAndWeights[i];
      }
    }
    throw new IllegalStateException("no weight");
  }
}
