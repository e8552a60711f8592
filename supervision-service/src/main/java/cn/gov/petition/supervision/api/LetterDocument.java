package cn.gov.petition.supervision.api;

import cn.gov.petition.supervision.store.LetterEntity;
import java.time.LocalDate;

/** 函件文书: a letter laid out for printing, in Chinese; every text a person wrote is escaped. */
final class LetterDocument {

  private LetterDocument() {}

  static String render(LetterEntity l, String number, String recipientName, String issuerName) {
    StringBuilder cases = new StringBuilder();
    for (String caseNumber : l.caseNumbers) {
      cases.append("<li>").append(escape(caseNumber)).append("</li>");
    }
    String answer =
        l.answer == null
            ? ""
            : "<h2>书面回复</h2><p>"
                + escape(l.answer)
                + "</p><p class=\"sign\">回复日期："
                + date(l.answeredOn)
                + "</p>";
    return """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="UTF-8"><title>%1$s %2$s</title>
        <style>body{font-family:"FangSong","仿宋",serif;max-width:42em;margin:3em auto;\
        line-height:1.9}h1{text-align:center;color:#c00;letter-spacing:.3em}\
        .number{text-align:center}.sign{text-align:right}.seal{color:#c00}@media print{body{margin:2cm}}</style>
        </head><body>
        <h1>%1$s</h1>
        <p class="number">%2$s</p>
        <p>%3$s：</p>
        %4$s
        <p class="sign">%5$s<br>%6$s<br><span class="seal">（印章）</span></p>
        %7$s
        </body></html>
        """
        .formatted(
            escape(l.kind.title()),
            escape(number),
            escape(recipientName),
            body(l, cases, issuerName),
            escape(issuerName),
            date(l.issuedOn),
            answer);
  }

  /** What the letter asks: a supervisor's finding, or a leader's instruction (批示), and by when. */
  private static String body(LetterEntity l, StringBuilder cases, String issuerName) {
    if (l.kind.byLeader()) {
      return """
          <p>%1$s对下列信访事项作出批示：</p>
          <ol>%2$s</ol>
          <blockquote>%3$s</blockquote>
          <p>请认真落实领导批示，于%4$s前将办理情况报告%5$s。</p>"""
          .formatted(
              escape(l.issuedBy), cases, escape(l.reason), date(l.replyDueOn), escape(issuerName));
    }
    return """
        <p>经查，你单位办理的下列信访事项存在以下问题：%1$s</p>
        <ol>%2$s</ol>
        <p>请于%3$s前将办理情况书面回复%4$s。</p>"""
        .formatted(escape(l.reason), cases, date(l.replyDueOn), escape(issuerName));
  }

  private static String date(LocalDate day) {
    return day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日";
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
