package cn.gov.petition.analytics;

import java.util.List;
import java.util.Map;

/**
 * 预警规则类别: what an early-warning rule looks for, and the parameters it takes (docs/warnings.md). The
 * parameters of each rule are data; their names and ranges are here.
 */
public enum RuleKind {
  /** 某类信访激增: one category in one region against its own baseline. */
  CATEGORY_SPIKE(
      "某类信访激增",
      List.of(
          Parameter.number("days", 1, 90),
          Parameter.number("baselineWindows", 1, 52),
          Parameter.number("factor", 1, 100),
          Parameter.number("minCount", 1, 100_000),
          Parameter.level("regionDigits"))),
  /** 重复信访: a chain of petitions (the same matter again) petitioned often in a short time. */
  REPEAT_PETITIONS(
      "重复信访", List.of(Parameter.number("days", 1, 366), Parameter.number("minPetitions", 2, 1000))),
  /** 逐级上行: a chain of petitions registered at a higher level than it began (越级 signs). */
  MOVING_UP("逐级上行", List.of(Parameter.number("days", 1, 366))),
  /** 集体访苗头: many petitions of one category from one place in a short time. */
  COLLECTIVE_SIGNS(
      "集体访苗头",
      List.of(
          Parameter.number("days", 1, 30),
          Parameter.number("minPetitions", 2, 10_000),
          Parameter.level("regionDigits"))),
  /** 指标偏低: a unit whose rate over the last days is below a threshold. */
  RATE_BELOW(
      "指标偏低",
      List.of(
          Parameter.rate("rate"),
          Parameter.number("threshold", 0, 1),
          Parameter.number("minDenominator", 1, 100_000),
          Parameter.number("days", 1, 366))),
  /** 临期未办: a unit's steps due within days that have lain open since long before. */
  NEAR_DEADLINE(
      "临期未办", List.of(Parameter.number("withinDays", 0, 30), Parameter.number("idleDays", 0, 60)));

  /** What a parameter holds. */
  public enum Type {
    /** A number within a range. */
    NUMBER,
    /** The length of a level's division codes: 2, 4, 6 or 9. */
    LEVEL,
    /** The name of a rate a unit has. */
    RATE
  }

  /** One parameter. */
  public record Parameter(String name, Type type, double min, double max) {

    static Parameter number(String name, double min, double max) {
      return new Parameter(name, Type.NUMBER, min, max);
    }

    static Parameter level(String name) {
      return new Parameter(name, Type.LEVEL, 2, 9);
    }

    static Parameter rate(String name) {
      return new Parameter(name, Type.RATE, 0, 0);
    }
  }

  /** The rates a RATE_BELOW rule may watch: those a unit has. */
  static final List<String> UNIT_RATES =
      List.of("TIMELY_ACCEPTANCE", "ON_TIME_REPLY", "EVALUATION_PARTICIPATION", "SATISFACTION");

  private final String label;
  private final List<Parameter> parameters;

  RuleKind(String label, List<Parameter> parameters) {
    this.label = label;
    this.parameters = parameters;
  }

  /** The Chinese name. */
  public String label() {
    return label;
  }

  public List<Parameter> parameters() {
    return parameters;
  }

  /**
   * What is wrong with these parameters for this kind, by parameter name (empty when they are
   * right): every parameter present, nothing else, each within its range.
   */
  public Map<String, String> problems(Map<String, Object> values) {
    Map<String, String> problems = new java.util.TreeMap<>();
    for (String name : values.keySet()) {
      if (parameters.stream().noneMatch(p -> p.name().equals(name))) {
        problems.put(name, "not a parameter of " + name());
      }
    }
    for (Parameter p : parameters) {
      Object value = values.get(p.name());
      if (value == null) {
        problems.put(p.name(), "is required");
      } else if (p.type() == Type.RATE) {
        if (!UNIT_RATES.contains(value.toString())) {
          problems.put(p.name(), "must be one of " + String.join(", ", UNIT_RATES));
        }
      } else if (p.type() == Type.LEVEL) {
        if (!(value instanceof Number number)
            || !List.of(2, 4, 6, 9).contains(number.intValue())
            || number.doubleValue() != number.intValue()) {
          problems.put(p.name(), "must be 2, 4, 6 or 9 (province, city, county, township)");
        }
      } else if (!(value instanceof Number number)
          || number.doubleValue() < p.min()
          || number.doubleValue() > p.max()) {
        problems.put(
            p.name(), "must be a number from " + format(p.min()) + " to " + format(p.max()));
      }
    }
    return problems;
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
