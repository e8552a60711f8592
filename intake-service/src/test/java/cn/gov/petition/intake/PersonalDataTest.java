package cn.gov.petition.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 匿名化 of a history entry's details: every text goes but what is listed as no personal data. */
class PersonalDataTest {

  @Test
  void textGoesUnitsDatesAndNumbersStayAtEveryDepth() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reason", "张三反映的问题已处理");
    details.put("unit", "530302:zjj");
    details.put("dueOn", "2026-12-01");
    details.put("similarity", 0.82);
    details.put("escalated", true);
    details.put("reasons", List.of("李四", "王五"));
    details.put("request", Map.of("unit", "530302:zrzyj", "note", "电话13800000000"));
    details.put("aNewActsField", "赵六住建设路1号");

    Map<String, Object> kept = PersonalData.anonymised(details);

    assertEquals(PersonalData.MARK, kept.get("reason"));
    assertEquals("530302:zjj", kept.get("unit"));
    assertEquals("2026-12-01", kept.get("dueOn"));
    assertEquals(0.82, kept.get("similarity"));
    assertEquals(true, kept.get("escalated"));
    assertEquals(List.of(PersonalData.MARK, PersonalData.MARK), kept.get("reasons"));
    assertEquals(Map.of("unit", "530302:zrzyj", "note", PersonalData.MARK), kept.get("request"));
    assertEquals(PersonalData.MARK, kept.get("aNewActsField"), "unlisted text goes");
    assertEquals(details.keySet(), kept.keySet(), "the entry keeps its shape");
  }
}
