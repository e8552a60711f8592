package cn.gov.petition.intake;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * 短信告知模板: the wording of the SMS a petitioner is sent when they are told of a step (issue 29), kept
 * as data that an office may reword, and the rules every wording must keep, as 政务短信 platforms and
 * carriers hold them: it begins with the office's signature in 【】, it names no link (no web address
 * or domain: a petitioner is never sent outside), it uses only the values the platform fills in,
 * those its notice needs among them, and it fits in four messages. No value is a person's name,
 * number or the content: an SMS can be read by whoever holds the phone.
 */
public final class SmsTemplates {

  /** 告知事项: the steps a petitioner is told of by SMS. */
  public enum Notice {
    /** 登记回执: registered, with the case number and the query code. */
    RECEIPT("登记回执", Set.of("caseNumber", "queryCode")),
    /** 受理告知 (Art 22). */
    ACCEPTED("受理告知", Set.of("caseNumber", "unit")),
    /** 不予受理告知. */
    DECLINED("不予受理告知", Set.of("caseNumber")),
    /** 告知其他途径 (Art 31). */
    REFERRED("告知其他途径", Set.of("caseNumber")),
    /** 延期告知 (Art 34: the petitioner is told). */
    EXTENDED("延期告知", Set.of("caseNumber", "days", "date")),
    /** 处理意见 issued (Art 32). */
    OPINION("处理意见告知", Set.of("caseNumber")),
    /** 不再受理告知 (domain.md 6.2). */
    NOT_ACCEPTED_AGAIN("不再受理告知", Set.of("caseNumber")),
    /** 评价验证码: the one-time code with which the petitioner evaluates the answer online. */
    EVALUATION_CODE("评价验证码", Set.of("code")),
    /** 网上信访验证码: the one-time code with which a citizen submits a petition online. */
    SUBMISSION_CODE("网上信访验证码", Set.of("code"));

    private final String label;
    private final Set<String> required;

    Notice(String label, Set<String> required) {
      this.label = label;
      this.required = required;
    }

    /** Its name as an office reads it. */
    public String label() {
      return label;
    }

    /** The values its wording must name. */
    public Set<String> required() {
      return required;
    }
  }

  /** The values the platform fills in: {caseNumber} {queryCode} {unit} {days} {date} {code}. */
  public static final Set<String> VALUES =
      Set.of("caseNumber", "queryCode", "unit", "days", "date", "code");

  /** At most four UCS-2 messages of 67 characters each (a long SMS travels in parts). */
  public static final int LONGEST = 4 * 67;

  /** How long a filled-in value may be, for the length rule (a unit's name is the longest). */
  private static final int LONGEST_VALUE = 30;

  private static final Pattern SIGNATURE = Pattern.compile("^【[^【】]{2,16}】");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  /** A web address or a domain name, in any case, with full-width dots too. */
  private static final Pattern LINK =
      Pattern.compile(
          "(?i)(https?[:：]|www[.。．]|[a-z0-9-]+[.。．](cn|com|net|org|gov|top|xyz|cc|vip|info)\\b)");

  /** A rule a wording breaks: the rule's name and what it asks, in Chinese for the office. */
  public record Violation(String rule, String message) {}

  /** The platform's wording of each notice, signed by {@code signature} (the office's name). */
  public static Map<Notice, String> defaults(String signature) {
    String s = "【" + signature + "】";
    Map<Notice, String> all = new EnumMap<>(Notice.class);
    all.put(Notice.RECEIPT, s + "您的信访事项已登记，编号{caseNumber}，查询码{queryCode}，凭此查询办理情况。");
    all.put(Notice.ACCEPTED, s + "您的信访事项（编号{caseNumber}）已由{unit}受理，将依法办理并书面答复。");
    all.put(Notice.DECLINED, s + "您的信访事项（编号{caseNumber}）不予受理，书面告知书已出具，请注意查收。");
    all.put(Notice.REFERRED, s + "您反映的事项（编号{caseNumber}）应通过其他法定途径解决，书面告知书已出具，请注意查收。");
    all.put(Notice.EXTENDED, s + "您的信访事项（编号{caseNumber}）因情况复杂延期{days}日办理，办理期限至{date}，延期理由见书面告知。");
    all.put(Notice.OPINION, s + "您的信访事项（编号{caseNumber}）已出具处理意见书，请注意查收；对意见不服的，可依法申请复查。");
    all.put(Notice.NOT_ACCEPTED_AGAIN, s + "您就同一事项再次提出的信访（编号{caseNumber}）不再受理，书面告知书已出具，请注意查收。");
    all.put(Notice.EVALUATION_CODE, s + "您的信访事项（编号{caseNumber}）满意度评价验证码为{code}，10分钟内有效，请勿告诉他人。");
    all.put(Notice.SUBMISSION_CODE, s + "您正在提交网上信访，验证码为{code}，10分钟内有效，请勿告诉他人。");
    return all;
  }

  /** What the wording of {@code notice} breaks; empty when it may be used. */
  public static List<Violation> check(Notice notice, String text) {
    List<Violation> violations = new ArrayList<>();
    if (text == null || text.isBlank()) {
      violations.add(new Violation("NotBlank", "短信内容不能为空"));
      return violations;
    }
    if (!SIGNATURE.matcher(text).find()) {
      violations.add(new Violation("Signature", "短信须以【单位名称】签名开头（2至16个字）"));
    }
    if (LINK.matcher(text).find()) {
      violations.add(new Violation("NoLink", "短信不得包含网址或链接"));
    }
    List<String> named = new ArrayList<>();
    Matcher placeholder = PLACEHOLDER.matcher(text);
    while (placeholder.find()) {
      String value = placeholder.group(1);
      if (!VALUES.contains(value)) {
        violations.add(new Violation("UnknownValue", "不可用的填充项：{" + value + "}"));
      }
      named.add(value);
    }
    for (String value : notice.required().stream().sorted().toList()) {
      if (!named.contains(value)) {
        violations.add(new Violation("RequiredValue", "须包含填充项：{" + value + "}"));
      }
    }
    int longest = PLACEHOLDER.matcher(text).replaceAll("").length() + named.size() * LONGEST_VALUE;
    if (longest > LONGEST) {
      violations.add(new Violation("Size", "填充后可能超过" + LONGEST + "字（4条短信），请精简"));
    }
    return violations;
  }

  /** The text with its values filled in; a value the map lacks is an error of the caller. */
  public static String fill(String text, Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (placeholder.find()) {
      String value = values.get(placeholder.group(1));
      if (value == null) {
        throw new IllegalArgumentException("no value for {" + placeholder.group(1) + "}");
      }
      placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    placeholder.appendTail(out);
    return out.toString();
  }

  /** How many SMS carry the text in UCS-2: one of 70 characters, or parts of 67. */
  public static int parts(String text) {
    int length = text.length(); // UTF-16 units, as UCS-2 counts them
    return length <= 70 ? 1 : (length + 66) / 67;
  }

  private SmsTemplates() {}
}
