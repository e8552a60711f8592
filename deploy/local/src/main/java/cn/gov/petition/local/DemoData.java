package cn.gov.petition.local;

import cn.gov.petition.infra.Identities;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 演示数据: petitions about Qujing (曲靖市, 5303) in Yunnan, registered through the gateway like a clerk
 * would. Each carries an Idempotency-Key, so a second run adds nothing twice.
 */
public final class DemoData {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Matter place, channel, category code, persons, content, petitioner name. */
  private static final List<String[]> PETITIONS =
      List.of(
          new String[] {"530302001", "LETTER", "0105", "1", "小区供暖长期不达标，物业多次承诺整改未落实，请求督促解决。", "李春梅"},
          new String[] {"530302002", "VISIT", "0201", "3", "某建筑工地拖欠农民工工资三个月，共涉及十余人，请求协调支付。", "王建国"},
          new String[] {"530302003", "ONLINE", "0401", "1", "村集体土地被占用修建厂房，未见征地批复，请求核查。", "赵志强"},
          new String[] {"530302004", "PHONE", "0702", "1", "社区卫生服务站长期缺少常用药品，请求改善。", "陈秀英"},
          new String[] {"530302102", "VISIT", "0303", "6", "高标准农田建设占用耕地补偿款未发放到户，请求核实补偿标准。", "刘德华"},
          new String[] {"530303001", "LETTER", "0502", "1", "河道附近养殖场污水直排，夏季异味严重，请求查处。", "张丽"},
          new String[] {"530303002", "ONLINE", "0901", "1", "乡村公路损毁严重，雨季无法通行，请求维修。", "杨波"},
          new String[] {"530381001", "VISIT", "0101", "2", "棚户区改造安置房逾期两年未交付，请求明确交付时间。", "周明"},
          new String[] {"530304001", "ONLINE", "0801", "1", "学校校车线路调整后学生上学路程过远，请求恢复原线路。", "吴敏"},
          new String[] {"530302001", "MOBILE", "1102", "1", "商户预付卡退费难，经营者关门失联，请求协助维权。", "孙丽娟"});

  private DemoData() {}

  /** Registers the demo petitions; returns how many were new. */
  public static int load(String gatewayUrl) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String token = token(http, gatewayUrl, "qilin-registrar");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    int created = 0;
    for (int i = 0; i < PETITIONS.size(); i++) {
      String[] p = PETITIONS.get(i);
      Map<String, Object> petitioner = new LinkedHashMap<>();
      petitioner.put("name", p[5]);
      petitioner.put("idNumber", Identities.residentId("530302", 1000 + i));
      petitioner.put("phone", Identities.mobile(8741000 + i));
      petitioner.put("address", "云南省曲靖市");
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("channel", p[1]);
      body.put("receivedOn", today.minusDays(i % 4).toString());
      body.put("matterRegionCode", p[0]);
      body.put("petitionClass", "APPEAL");
      body.put("purpose", "SEEK_SOLUTION");
      body.put("category", p[2]);
      body.put("content", p[4]);
      body.put("personCount", Integer.parseInt(p[3]));
      body.put("petitioners", List.of(petitioner));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/intake/cases"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", "demo-petition-" + i)
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 201) {
        created++;
      } else if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "demo petition " + i + " refused: " + response.statusCode() + " " + response.body());
      }
    }
    return created;
  }

  /** How many former cases the demo province's year of history holds. */
  public static final int HISTORY = 2_000;

  /**
   * 演示历史: a year of former cases over Yunnan's real townships (FormerCases: the seasons and the mix
   * of outcomes of a real year), brought in through the import like an office's history, each at
   * the node that hosts its county, so that the dashboards, bulletins, rankings and warnings show
   * figures from the first start. A later start imports nothing (a marker in the data directory
   * says the history is in; without it, the former numbers would); returns how many cases were new.
   */
  public static int history(
      Platform platform, Path data, LocalDate today, int count, PrintStream out)
      throws IOException, InterruptedException {
    Path done = data.resolve("demo-history.imported");
    if (Files.exists(done)) {
      return 0;
    }
    List<Map<String, Object>> cases =
        new FormerCases("53", "DEMO", today, 2027)
            .between(today.minusYears(1), today.minusDays(1), count);
    Map<Platform.Node, StringBuilder> files = new LinkedHashMap<>();
    for (Map<String, Object> c : cases) {
      @SuppressWarnings("unchecked")
      String place = (String) ((Map<String, Object>) c.get("registration")).get("matterRegionCode");
      files
          .computeIfAbsent(platform.hostOf(place.substring(0, 6)), node -> new StringBuilder())
          .append(JSON.writeValueAsString(c))
          .append('\n');
    }
    int imported = 0;
    HttpClient http = HttpClient.newHttpClient();
    for (var file : files.entrySet()) {
      Platform.Node node = file.getKey();
      Path path = data.resolve("demo-history-" + node.region() + ".jsonl");
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
      String token = token(http, node.gatewayUrl(), "yunnan-admin");
      imported +=
          new ImportCommand(node.gatewayUrl(), token, out, false)
              .importFile(path)
              .path("imported")
              .asInt();
      Files.delete(path);
    }
    Files.writeString(done, today + " " + imported + " former cases\n");
    return imported;
  }

  /** A token from the gateway's demo issuer. */
  public static String token(HttpClient http, String gatewayUrl, String user)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(gatewayUrl + "/auth/demo-token"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + user + "\"}"))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "demo token refused: " + response.statusCode() + " " + response.body());
    }
    JsonNode json = JSON.readTree(response.body());
    return json.get("accessToken").asText();
  }
}
