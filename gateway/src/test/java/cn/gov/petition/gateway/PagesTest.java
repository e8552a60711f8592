package cn.gov.petition.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.gov.petition.contracts.Step;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The pages are served with their security headers and ECharts beside them; what they show in
 * Chinese agrees with the services. How they behave in a browser: WebPagesIT (deploy/local).
 */
@QuarkusTest
@TestProfile(GatewayTest.DemoIssuerOn.class)
class PagesTest {

  @Test
  void everyPageIsServedWithAPolicyThatAllowsOnlyTheGatewaysOwnScripts() {
    for (String page :
        new String[] {
          "/",
          "/index.html",
          "/register.html",
          "/case.html",
          "/cases.html",
          "/queue.html",
          "/dashboard.html",
          "/status.html",
          "/supervision.html"
        }) {
      given()
          .when()
          .get(page)
          .then()
          .statusCode(200)
          .contentType(containsString("text/html"))
          .header("Content-Security-Policy", containsString("script-src 'self';"))
          .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
          .header("X-Content-Type-Options", "nosniff")
          .body(containsString("<html lang=\"zh-CN\">"));
    }
    given()
        .when()
        .get("/_static/echarts/dist/echarts.min.js")
        .then()
        .statusCode(200)
        .body(containsString("echarts"));
  }

  @Test
  void theStepsThePagesNameAreTheStepsTheServicesName() throws IOException {
    String script;
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream("META-INF/resources/app.js")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String block =
        script.substring(
            script.indexOf("const STEPS = {"),
            script.indexOf("};", script.indexOf("const STEPS = {")));
    Map<String, String> pages = new TreeMap<>();
    Matcher entry = Pattern.compile("([A-Z_]+): '([^']+)'").matcher(block);
    while (entry.find()) {
      pages.put(entry.group(1), entry.group(2));
    }
    Map<String, String> services =
        Arrays.stream(Step.values())
            .collect(Collectors.toMap(Step::name, Step::label, (a, b) -> a, TreeMap::new));
    assertEquals(services, pages);
  }
}
