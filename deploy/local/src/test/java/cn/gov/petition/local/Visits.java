package cn.gov.petition.local;

import cn.gov.petition.infra.Identities;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Petitions the end-to-end tests register. */
final class Visits {

  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private Visits() {}

  /**
   * A visit of today about unpaid wages (0201) from a petitioner not seen before, so that it is no
   * repeat of another test's.
   */
  static Map<String, Object> visit(String township, String content) {
    int serial = Identities.nextSerial();
    return Map.of(
        "channel",
        "VISIT",
        "receivedOn",
        LocalDate.now(CHINA).toString(),
        "matterRegionCode",
        township,
        "petitionClass",
        "APPEAL",
        "purpose",
        "SEEK_SOLUTION",
        "category",
        "0201",
        "content",
        content,
        "personCount",
        1,
        "petitioners",
        List.of(
            Map.of(
                "name",
                "王五",
                "idNumber",
                Identities.residentId("530302", serial),
                "phone",
                Identities.mobile(serial))));
  }
}
