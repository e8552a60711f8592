package cn.gov.petition.local;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.gov.petition.infra.Identities;
import io.restassured.http.ContentType;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages as their users see them, in Debian's Chromium (headless) against the running node: the
 * clerk's registration form, the case page, the joint-meeting dashboard and the petitioner's status
 * page, and a county user turned away from another county's case. Chromium and its driver come from
 * Debian's packages, installed here when missing (the tests run as root on CI).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedNode.class)
@Order(3)
class WebPagesIT {

  private static final int SERIAL = Identities.nextSerial();
  private static final String CONTENT = "网页登记测试" + SERIAL + "：小区供暖不达标，多次反映未解决。";
  private static final String PETITIONER = "赵六";

  private static Platform platform;
  private static Path runDirectory;
  private static WebDriver browser;
  private static String registrar;
  private static String caseId;
  private static String caseNumber;
  private static String queryCode;

  @BeforeAll
  static void start() throws Exception {
    TestRuns.requireCommand("chromium", "chromium");
    TestRuns.requireCommand("chromedriver", "chromium-driver");
    runDirectory = TestRuns.newRunDirectory("web-it-");
    platform = SharedNode.platform();
    registrar =
        DemoData.token(HttpClient.newHttpClient(), platform.gatewayUrl(), "qilin-registrar");
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + Files.createDirectories(runDirectory.resolve("chromium")));
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    ChromeDriverService driver =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    browser = new ChromeDriver(driver, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
  }

  /** No page threw: a script error shows in the browser's log as an uncaught exception. */
  @AfterEach
  void noScriptFailed() {
    List<LogEntry> failures =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .filter(e -> e.getMessage().contains("Uncaught"))
            .toList();
    assertTrue(failures.isEmpty(), () -> "script errors: " + failures);
  }

  @Test
  @Order(1)
  void aClerkRegistersAPetitionWithMessagesInChineseAndIsWarnedOfARepeat() {
    signInAs("qilin-registrar", "/register.html");
    waitFor(d -> d.findElement(By.id("submit")).isEnabled()); // the form is ready

    click("submit");
    waitFor(d -> text("[data-for='channel']").equals("请选择信访形式"));
    waitFor(d -> text("[data-for='content']").equals("请填写信访事项内容"));
    waitFor(d -> text("#messages").contains("请按提示修改后再登记"));
    assertEquals("请选择信访形式", text("[data-for='channel']"));
    assertEquals("请填写信访事项内容", text("[data-for='content']"));
    assertTrue(text("#messages").contains("请按提示修改后再登记"), text("#messages"));

    fillTheLetter("12345");
    click("submit");
    waitFor(d -> text("[data-for='petitioners[0].phone']").startsWith("联系电话格式不正确"));
    assertTrue(
        text("[data-for='petitioners[0].phone']").startsWith("联系电话格式不正确"),
        text("[data-for='petitioners[0].phone']"));
    assertTrue(browser.findElements(By.id("registered")).isEmpty(), "nothing was sent");

    type("p-phone", Identities.mobile(SERIAL));
    click("submit");
    waitFor(d -> text("#case-number").matches("530302-\\d{8}-\\d{5}"));
    waitFor(d -> text("#query-code").length() == 10);
    waitFor(d -> attribute("#case-link", "href").contains("id="));
    caseNumber = text("#case-number");
    queryCode = text("#query-code");
    String link = attribute("#case-link", "href");
    caseId = link.substring(link.indexOf("id=") + 3);
    assertTrue(caseNumber.matches("530302-\\d{8}-\\d{5}"), caseNumber);
    assertTrue(queryCode.matches("[2-9A-HJ-NP-Za-hj-np-z]{10}"), queryCode);
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(registrar)
        .get("/api/intake/cases/" + caseId)
        .then()
        .statusCode(200)
        .body("caseNumber", org.hamcrest.Matchers.equalTo(caseNumber))
        .body("content", org.hamcrest.Matchers.equalTo(CONTENT))
        .body("petitioners[0].name", org.hamcrest.Matchers.equalTo(PETITIONER));

    // the same petition again: the form warns before saving and saves nothing unless confirmed
    browser.get(platform.gatewayUrl() + "/register.html");
    waitFor(d -> d.findElement(By.id("submit")).isEnabled()); // the form is ready
    fillTheLetter(Identities.mobile(SERIAL));
    click("submit");
    waitFor(d -> text("#repeat-matches").contains(caseNumber));
    assertTrue(text("#repeat-matches").contains(caseNumber), text("#repeat-matches"));
    click("cancel-register");
    waitFor(d -> !d.findElement(By.id("repeat-warning")).isDisplayed());
    assertTrue(browser.findElements(By.id("registered")).isEmpty(), "nothing was saved");
    click("submit");
    waitFor(d -> d.findElement(By.id("repeat-warning")).isDisplayed());
    click("confirm-register");
    // the first case is still in the procedure: no case is opened, the repeat is recorded on it
    // (Art 19(3)) and the clerk is shown which
    waitFor(d -> text("#linked-case-number").equals(caseNumber));
    assertEquals(caseNumber, text("#linked-case-number"));
    assertTrue(browser.findElements(By.id("case-number")).isEmpty(), "no new case number");
    assertTrue(attribute("#case-link", "href").endsWith("id=" + caseId), "it opens the first case");
  }

  @Test
  @Order(2)
  void theCasePageShowsTheProcedureTheResponsibleUnitsAndTheDeadlines() {
    String unit =
        Visits.awaitRouted(platform.gatewayUrl(), registrar, caseId)
            .path("handlingUnit.name"); // the decision the page must show
    browser.get(platform.gatewayUrl() + "/case.html?id=" + caseId);
    waitFor(d -> text("#case-number").equals(caseNumber));
    // the page fills each part from its own fetch: wait for what is asserted, not a sibling
    waitFor(
        d ->
            text("#summary-table").contains(unit)
                && text("#summary-table").contains(CONTENT)
                && text("#summary-table").contains(PETITIONER));
    waitFor(d -> text("#responsibility").contains(unit));
    waitFor(d -> text("#history").contains("登记"));
    waitFor(d -> text("#flow").contains("受理告知") && text("#flow").contains("转送交办"));
    waitFor(d -> !d.findElements(By.cssSelector("#deadline-chart canvas")).isEmpty());
    assertTrue(text("#summary-table").contains(CONTENT), "the registrar reads the content");
    assertTrue(text("#summary-table").contains(PETITIONER), "and the petitioner");
    assertTrue(text("#summary-table").contains(unit), text("#summary-table"));
    assertTrue(text("#flow").contains("转送交办"), text("#flow"));
    assertTrue(text("#flow").contains("受理告知"), text("#flow"));
    assertTrue(text("#responsibility").contains(unit), text("#responsibility"));
    assertFalse(
        browser.findElements(By.cssSelector("#deadline-chart canvas")).isEmpty(),
        "the deadlines are drawn by ECharts");
    assertTrue(text("#history").contains("登记"), text("#history"));
    waitFor(d -> text("#history").contains("重复信访"));
    assertTrue(text("#history").contains("重复信访"), "the confirmed repeat is recorded on it");
  }

  @Test
  @Order(3)
  void aCountyUserCannotOpenAnotherCountysCase() {
    signInWithToken(Tokens.of(platform, "zhanyi-supervisor", "supervisor", "530303"));
    browser.get(platform.gatewayUrl() + "/case.html?id=" + caseId);
    waitFor(d -> text("#messages").contains("无权查看此信访件"));
    assertTrue(text("#messages").contains("无权查看此信访件"), text("#messages"));
    waitFor(d -> !d.findElement(By.id("case")).isDisplayed());
    String page = browser.getPageSource();
    assertFalse(page.contains(caseNumber), "no case number");
    assertFalse(page.contains(CONTENT), "no content");
    assertFalse(page.contains(PETITIONER), "no petitioner");

    // the county's own supervisor, signed in the same way, does open it
    signInWithToken(Tokens.of(platform, "qilin-supervisor-2", "supervisor", "530302"));
    browser.get(platform.gatewayUrl() + "/case.html?id=" + caseId);
    waitFor(d -> text("#case-number").equals(caseNumber));
  }

  @Test
  @Order(4)
  void theJointMeetingDashboardDrillsDownAndRefreshesAsEventsArrive() {
    signInAs("qujing-office", "/dashboard.html");
    waitFor(d -> text("#live-state").contains("已连接"));
    // the platform ships the official days up to 2026 and nobody loaded a later notice here: from
    // 1 November of a year without next year's notice the dashboard says so
    waitFor(d -> text("#calendar-warning").contains("节假日安排通知"));
    waitFor(d -> text("#rates-table").contains("麒麟区"));
    waitFor(d -> !d.findElements(By.cssSelector("#rates-chart canvas")).isEmpty());
    waitFor(d -> !d.findElements(By.cssSelector("#trend-chart canvas")).isEmpty());
    assertFalse(browser.findElements(By.cssSelector("#rates-chart canvas")).isEmpty());
    assertFalse(browser.findElements(By.cssSelector("#trend-chart canvas")).isEmpty());
    waitFor(d -> text("#changes-heard").matches("\\d+"));
    int heard = Integer.parseInt(text("#changes-heard"));

    String another =
        given()
            .baseUri(platform.gatewayUrl())
            .auth()
            .oauth2(registrar)
            .contentType(ContentType.JSON)
            .body(Visits.visit("530302001", "看板实时测试" + SERIAL + "：工地拖欠工资。"))
            .post("/api/intake/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("petitionCase.caseNumber");
    waitFor(
        Duration.ofSeconds(60),
        d -> attribute("#open-clocks-count", "data-cases").contains(another));
    waitFor(d -> Integer.parseInt(text("#changes-heard")) > heard);
    assertTrue(Integer.parseInt(text("#changes-heard")) > heard, "the page heard the change");

    // the table is drawn again on every change heard: click the link as it is at that moment
    By countyLink = By.cssSelector("#rates-table a[data-region='530302']");
    waitFor(d -> clicked(d.findElement(countyLink)));
    waitFor(d -> text("#crumbs").endsWith("麒麟区"));
    waitFor(d -> text("#rates-table").contains("南宁街道"));
    assertTrue(browser.getCurrentUrl().endsWith("region=530302"), browser.getCurrentUrl());

    // a leader reads it on a phone: charts and tables within the screen
    onAPhone(
        () -> {
          browser.navigate().refresh();
          waitFor(d -> text("#rates-table").contains("南宁街道"));
          waitFor(d -> !d.findElements(By.cssSelector("#rates-chart canvas")).isEmpty());
          assertTrue(fitsTheScreen(), "no sideways scrolling at 375 px");
        });
  }

  @Test
  @Order(5)
  void aPetitionerFollowsTheCaseWithTheQueryCode() {
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    browser.get(platform.gatewayUrl() + "/status.html");
    type("query-code", "abc");
    click("ask");
    waitFor(d -> text("#query-code-error").startsWith("查询码为 10 位"));
    assertTrue(text("#query-code-error").startsWith("查询码为 10 位"), text("#query-code-error"));

    type("query-code", "ABCDEFGHJK");
    click("ask");
    waitFor(d -> text("#messages").contains("未找到"));
    assertTrue(text("#messages").contains("未找到"), text("#messages"));

    type("query-code", queryCode);
    click("ask");
    waitFor(d -> text("#case-number").equals(caseNumber));
    waitFor(d -> text("#steps").contains("受理告知"));
    assertTrue(text("#steps").contains("受理告知"), text("#steps"));
    assertFalse(browser.getPageSource().contains(PETITIONER), "the page names nobody");
  }

  @Test
  @Order(6)
  void aClerkFindsTheCaseByAWordOfItsContentAndItsStaffMemberFindsItInTheQueue() {
    String unit =
        Visits.awaitRouted(platform.gatewayUrl(), registrar, caseId).path("handlingUnit.code");
    signInAs("qilin-registrar", "/cases.html");
    type("q", "暖");
    click(By.cssSelector("#search button[type=submit]"));
    waitFor(d -> text("#err-q").equals("每个关键词至少两个字（用空格分隔多个词）"));
    assertEquals("true", attribute("#q", "aria-invalid"), "the field is marked for screen readers");

    type("q", "网页登记测试" + SERIAL + " 供暖");
    click(By.cssSelector("#search button[type=submit]"));
    // the words are this test's letter's alone
    waitFor(d -> text("#total").startsWith("（共 ") && text("#results").contains(caseNumber));
    assertTrue(text("#results").contains(caseNumber), text("#results"));
    assertEquals("", text("#err-q"));
    click(By.linkText(caseNumber));
    waitFor(d -> d.getCurrentUrl().endsWith("/case.html?id=" + caseId));

    // the unit hands the case to a staff member, whose own queue shows it, due for acceptance
    String staff = "web-it-handler-" + SERIAL;
    given()
        .baseUri(platform.gatewayUrl())
        .auth()
        .oauth2(Tokens.ofUnit(platform, "web-it-chief", "handler", unit))
        .contentType(io.restassured.http.ContentType.JSON)
        .body(Map.of("user", staff))
        .post("/api/intake/cases/" + caseId + "/staff")
        .then()
        .statusCode(200);
    signInWithToken(Tokens.ofUnit(platform, staff, "handler", unit));
    browser.get(platform.gatewayUrl() + "/queue.html");
    click(By.cssSelector("input[name=view][value=mine]"));
    waitFor(d -> text("#queue-title").equals("我经办的待办") && text("#items").contains(caseNumber));
    assertTrue(text("#items").contains("受理告知"), text("#items"));
    assertTrue(text("#items").contains(staff), text("#items"));

    // on a phone: nothing wider than the screen, the queue a list of cards
    onAPhone(
        () -> {
          browser.navigate().refresh();
          click(By.cssSelector("input[name=view][value=mine]"));
          waitFor(d -> text("#items").contains(caseNumber));
          assertTrue(fitsTheScreen(), "no sideways scrolling at 375 px");
          assertEquals(
              "block 信访件编号",
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "const td = document.querySelector('#items td');"
                          + " return getComputedStyle(td).display + ' ' + td.dataset.label"),
              "each row a card, each cell naming its column");
        });
  }

  @Test
  @Order(7)
  void theCaseIsWorkedThroughTheProcedureInThePagesByTheUnitTheSupervisorAndTheRegistrar() {
    workThroughTheProcedure(
        caseId,
        caseNumber,
        "web-it-handler-" + SERIAL,
        true,
        this::theRegistrarRecordsTheEvaluation);
  }

  /**
   * 附件: the registrar attaches the letter's scan on the case page (through the gateway, the file as
   * the body), a page disguised as a photo is refused beside the field, and a download is counted
   * as a reading.
   */
  @Test
  @Order(10)
  void aLetterScanIsAttachedOnTheCasePageAndItsReadingCounted() throws Exception {
    Path scan = runDirectory.resolve("来信扫描" + SERIAL + ".pdf");
    Files.write(
        scan,
        ("%PDF-1.7\n% 来信扫描件\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    Path disguised = runDirectory.resolve("photo" + SERIAL + ".jpg");
    Files.writeString(disguised, "<html><script>alert(1)</script></html>");

    signInAs("qilin-registrar", "/case.html?id=" + caseId);
    waitFor(d -> text("#case-number").equals(caseNumber));
    waitFor(d -> d.findElement(By.id("attach")).isDisplayed());
    select("#attach-kind", "PHOTO");
    usableElement(By.id("attach-file")).sendKeys(disguised.toString());
    click("attach-submit");
    waitFor(d -> text("#attach-file-error").contains("text/html"));

    select("#attach-kind", "LETTER_SCAN");
    usableElement(By.id("attach-file")).sendKeys(scan.toString());
    click("attach-submit");
    waitFor(d -> text("#attachments").contains(scan.getFileName().toString()));
    assertFalse(text("#attachments").contains(disguised.getFileName().toString()), "not kept");
    click(By.linkText(scan.getFileName().toString()));
    // the list is drawn again after the download, with the reading counted
    waitFor(d -> text("#attachments td[data-label='查阅次数']").equals("1"));
  }

  @Test
  @Order(9)
  void onAPhoneACaseIsRegisteredAndWorkedThroughTheProcedureInThePages() {
    onAPhone(
        () -> {
          signInAs("qilin-registrar", "/register.html");
          waitFor(d -> d.findElement(By.id("submit")).isEnabled()); // the form is ready
          assertTrue(fitsTheScreen(), "the registration form fits 375 px");
          String phone = Identities.mobile(Identities.nextSerial());
          fillTheLetter("手机登记测试" + SERIAL + "：小区供暖管道漏水，楼道结冰。", "钱七", phone, "云南省曲靖市麒麟区南宁街道二号");
          click("submit");
          waitFor(d -> attribute("#case-link", "href").contains("id="));
          String link = attribute("#case-link", "href");
          String id = link.substring(link.indexOf("id=") + 3);
          String number = text("#case-number");
          String code = text("#query-code");
          assertTrue(number.matches("530302-\\d{8}-\\d{5}"), number);
          workThroughTheProcedure(
              id,
              number,
              "web-it-phone-handler-" + SERIAL,
              false,
              caseId -> thePetitionerEvaluatesOnThePhone(caseId, code, phone));
        });
  }

  /**
   * 网上信访: a citizen on a phone submits a petition on the public page with the code the platform's
   * SMS center received, and is given a query code at once; a wrong code first is refused beside
   * its field. The county's registrar finds it in the queue of the registration page, registers it
   * from there, and the citizen follows the case with the same code.
   */
  @Test
  @Order(11)
  void onAPhoneACitizenSubmitsAPetitionOnlineAndTheCountyRegistersIt() throws Exception {
    Path photo = runDirectory.resolve("塌方现场" + SERIAL + ".png");
    Files.write(
        photo,
        java.util.Base64.getDecoder()
            .decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
    int serial = Identities.nextSerial();
    String phone = Identities.mobile(serial);
    String content = "网上信访页面测试" + SERIAL + "：村道塌方两个月未修复，学生绕行危险。";
    String[] queryCode = new String[1];
    onAPhone(
        () -> {
          ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
          browser.get(platform.gatewayUrl() + "/submit.html");
          select("select[data-depth='1']", "5303");
          select("select[data-depth='2']", "530302");
          select("select[data-depth='3']", "530302001");
          type("content", content);
          type("name", "孙八");
          type("idNumber", Identities.residentId("530302", serial));
          type("address", "云南省曲靖市麒麟区南宁街道三号");
          type("phone", phone);
          click("send-code");
          waitFor(d -> text("#code-sent").startsWith("验证码已发送至 " + phone.substring(0, 3) + "****"));
          assertTrue(fitsTheScreen(), "the submission form fits 375 px");
          var sms = platform.infrastructure().sms();
          waitFor(
              Duration.ofSeconds(60),
              d -> sms.messagesTo(phone).stream().anyMatch(m -> m.text().contains("网上信访")));
          String text =
              sms.messagesTo(phone).stream()
                  .filter(m -> m.text().contains("网上信访"))
                  .findFirst()
                  .orElseThrow()
                  .text();
          java.util.regex.Matcher digits =
              java.util.regex.Pattern.compile("验证码为(\\d{6})").matcher(text);
          assertTrue(digits.find(), text);
          String code = digits.group(1);
          type("oneTimeCode", code.equals("000000") ? "000001" : "000000");
          click("submit");
          waitFor(d -> text("#oneTimeCode-error").equals("验证码不正确，还可尝试4次"));
          type("oneTimeCode", code);
          click("submit");
          waitFor(d -> text("#query-code").matches("[2-9A-HJ-NP-Z]{10}"));
          queryCode[0] = text("#query-code");
          assertEquals("麒麟区信访局", text("#office"));
          assertTrue(fitsTheScreen(), "the receipt fits 375 px");
          // and attaches a photo of the place
          select("#attach-kind", "PHOTO");
          usableElement(By.id("attach-file")).sendKeys(photo.toString());
          click("attach-submit");
          waitFor(d -> text("#attached").contains(photo.getFileName().toString()));
        });

    signInAs("qilin-registrar", "/register.html");
    By use =
        By.xpath(
            "//div[@id='submissions']//tr[contains(., '"
                + content.substring(0, 12)
                + "')]//button[contains(@class, 'use-submission')]");
    click(use);
    waitFor(d -> text("#matterRegionCode").equals("530302001"));
    assertEquals(content, usableElement(By.id("content")).getAttribute("value"));
    select("#petitionClass", "APPEAL");
    select("#purpose", "SEEK_SOLUTION");
    select("#category", "0105");
    click("submit");
    waitFor(d -> text("#query-code").equals(queryCode[0]));
    String number = text("#case-number");
    assertTrue(number.matches("530302-\\d{8}-\\d{5}"), number);
    click("case-link");
    waitFor(d -> text("#attachments").contains(photo.getFileName().toString()));

    // the citizen follows the case (routed on by now) with the code given at submission
    browser.get(platform.gatewayUrl() + "/status.html");
    type("query-code", queryCode[0]);
    click("ask");
    waitFor(d -> text("#case-number").equals(number));
  }

  /** The registering office records the petitioner's evaluation, given at the counter. */
  private void theRegistrarRecordsTheEvaluation(String id) {
    signInAs("qilin-registrar", "/case.html?id=" + id);
    waitFor(d -> offered().contains("evaluation"));
    act("evaluation");
    select("#act-channel", "COUNTER");
    select("#act-satisfaction", "SATISFIED");
    submit();
    waitFor(d -> text("#history").contains("满意度评价"));
  }

  /**
   * 网上评价: the petitioner, on a phone, follows the case with the query code, reads the opinion
   * served, asks for the one-time code, reads it from the SMS the platform's SMS center received,
   * and rates the answer and the office; a wrong code first is refused beside the field, with the
   * tries left.
   */
  private void thePetitionerEvaluatesOnThePhone(String id, String queryCode, String phone) {
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    browser.get(platform.gatewayUrl() + "/status.html");
    type("query-code", queryCode);
    click("ask");
    waitFor(d -> d.findElement(By.id("evaluate")).isDisplayed());
    assertTrue(fitsTheScreen(), "the evaluation form fits 375 px");
    // the opinion served, as it prints, addressed to 信访人 and never by name; the notices before it
    String served = text("#documents");
    assertTrue(served.contains("经第三方检测，室温低于18摄氏度。"), served);
    assertTrue(served.contains("信访事项延期办理告知书"), served);
    assertFalse(served.contains("钱七"), "no name on the status page");
    click("send-code");
    waitFor(d -> text("#code-sent").startsWith("验证码已发送至 " + phone.substring(0, 3) + "****"));
    var sms = platform.infrastructure().sms();
    waitFor(
        Duration.ofSeconds(60),
        d -> sms.messagesTo(phone).stream().anyMatch(m -> m.text().contains("验证码为")));
    String text =
        sms.messagesTo(phone).stream()
            .filter(m -> m.text().contains("验证码为"))
            .findFirst()
            .orElseThrow()
            .text();
    java.util.regex.Matcher digits = java.util.regex.Pattern.compile("验证码为(\\d{6})").matcher(text);
    assertTrue(digits.find(), text);
    String code = digits.group(1);
    click(By.cssSelector("input[name=satisfaction][value=SATISFIED]"));
    click(By.cssSelector("input[name=officeSatisfaction][value=BASICALLY_SATISFIED]"));
    type("one-time-code", code.equals("000000") ? "000001" : "000000");
    click("submit-evaluation");
    waitFor(d -> text("#one-time-code-error").equals("验证码不正确，还可尝试4次"));
    type("one-time-code", code);
    click("submit-evaluation");
    waitFor(d -> text("#evaluation-messages").contains("评价已提交"));
    assertTrue(
        text("#evaluation-state").startsWith("已评价（网上评价）：对答复满意，对信访部门基本满意"),
        text("#evaluation-state"));
    assertTrue(text("#notices").contains("评价验证码"), text("#notices"));
    assertFalse(browser.getPageSource().contains(code), "the page never shows the code back");
    signInAs("qilin-registrar", "/case.html?id=" + id);
    waitFor(d -> text("#history").contains("满意度评价"));
  }

  /**
   * The procedure in the pages, as its users take it: the unit objects (refused empty first), the
   * city's supervisor rejects the objection, the unit accepts, extends (refused too long first) and
   * answers (with {@code assisted}: after another unit's contribution, 协办, which that unit gives
   * from its queue); the petitioner's evaluation is recorded by the registering office or given
   * online; the unit closes with the checklist (refused empty first), and the case leaves the
   * unit's queue.
   */
  private void workThroughTheProcedure(
      String id,
      String number,
      String staff,
      boolean assisted,
      java.util.function.Consumer<String> evaluation) {
    String unit =
        Visits.awaitRouted(platform.gatewayUrl(), registrar, id).path("handlingUnit.code");
    String handler = Tokens.ofUnit(platform, staff, "handler", unit);
    signInWithToken(handler);
    browser.get(platform.gatewayUrl() + "/queue.html");
    waitFor(d -> text("#queue-title").equals("本单位待办") && text("#items").contains(number));

    // the unit objects: the form refuses an empty reason beside the field
    openTheCase(id, number);
    waitFor(d -> offered().containsAll(List.of("acceptance", "objection", "declination")));
    act("objection");
    assertTrue(fitsTheScreen(), "the case page and its form fit the window");
    submit();
    waitFor(d -> text("#act-reason-error").equals("不能为空"));
    assertEquals("true", attribute("#act-reason", "aria-invalid"));
    assertEquals("act-reason", activeId(), "the first refused field has the focus");
    type("act-reason", "该事项属于供热企业服务质量问题，不属本单位职权。");
    submit();
    waitFor(d -> text("#status").equals("异议待定"));
    // while the objection waits for a decision, the unit can only name who of its staff has it
    waitFor(d -> offered().equals(List.of("staff")));

    // the city's supervisor, offered the decision and (as a 信访 office above) the correction of
    // the matter's place, nothing else, finds the objection unfounded
    signInWithToken(Tokens.of(platform, "web-it-supervisor", "supervisor", "5303"));
    openTheCase(id, number);
    waitFor(d -> offered().equals(List.of("objection-decision", "matter-place")));
    act("objection-decision");
    // the unit to send it to, if upheld, is chosen among a county's units, not only the city's
    type("act-unit-code-region", "530302");
    usableElement(By.id("act-unit-code-region")).sendKeys(org.openqa.selenium.Keys.TAB);
    waitFor(
        d ->
            !d.findElements(By.cssSelector("#act-unit-code option[value='530302:rsj']")).isEmpty());
    select("#act-upheld", "false");
    type("act-reason", "经核实，供热服务质量属于该单位监管职责，异议不成立。");
    submit();
    waitFor(d -> text("#status").equals("已转送"));

    // the unit accepts, asks too long an extension and then a lawful one, and answers
    signInWithToken(handler);
    openTheCase(id, number);
    act("acceptance");
    submit(); // the notice is written for the clerk, who may change it
    waitFor(d -> text("#status").equals("已受理"));
    waitFor(d -> offered().contains("extension"));
    assertFalse(offered().contains("acceptance"), "accepted once");
    act("extension");
    type("act-days", "31");
    type("act-approvedBy", "王局长");
    type("act-reason", "需委托第三方检测室温。");
    submit();
    waitFor(d -> text("#act-days-error").startsWith("超过允许延长的天数"));
    type("act-days", "30");
    submit();
    waitFor(d -> text("#history").contains("延长办理期限"));
    waitFor(d -> !offered().isEmpty() && !offered().contains("extension"));
    if (assisted) {
      askAnotherUnitToAssist(id, number, unit, handler);
    }
    act("opinion");
    select("#act-outcome", "SUPPORTED");
    type("act-request", "要求解决小区供暖不达标问题。");
    type("act-facts", "经第三方检测，室温低于18摄氏度。");
    type("act-reasons", "供热企业应保障室温达标。");
    type("act-legalBasis", "《城市供热管理办法》");
    submit();
    waitFor(d -> text("#status").equals("已出具处理意见"));
    // the opinion is a document to read and print
    click(By.xpath("//div[@id='documents']//a[contains(., '处理意见书')]"));
    waitFor(d -> d.findElement(By.id("document-view")).isDisplayed());
    browser.switchTo().frame("document-view");
    try {
      waitFor(d -> d.findElement(By.tagName("body")).getText().contains("信访事项处理意见书"));
      String opinion = text("body");
      assertEquals(assisted, opinion.contains("本意见经会同"), "the units that assisted, named");
    } finally {
      browser.switchTo().defaultContent();
    }
    assertTrue(usableElement(By.id("print-document")).isDisplayed(), "it can be printed");
    assertFalse(offered().contains("evaluation"), "the unit never rates its own answer");

    // the petitioner's evaluation, recorded by the registering office or given online
    evaluation.accept(id);

    // the unit closes it with the 三到位一处理 checklist, refused empty
    signInWithToken(handler);
    openTheCase(id, number);
    act("closure");
    type("act-summary", "已督促供热企业更换管网，复测达标。");
    submit();
    waitFor(d -> text("#act-checklist-error").equals("三到位一处理至少填写一项"));
    type("act-checklist-problemSolved", "已更换楼内管网，室温复测达标。");
    submit();
    waitFor(d -> text("#status").equals("已办结"));
    // the history is drawn after the status, from a fetch of its own
    waitFor(d -> text("#history").contains("办结"));
    assertTrue(text("#history").contains("办结"), text("#history"));

    // and it has left the unit's queue
    browser.get(platform.gatewayUrl() + "/queue.html");
    waitFor(d -> text("#queue-title").equals("本单位待办") && !text("#items").isEmpty());
    assertFalse(text("#items").contains(number), text("#items"));
  }

  /**
   * 主办/协办: the lead asks another bureau of the county to assist (refused for a rest day first,
   * beside the field); that bureau finds the case in its queue, is offered only its contribution
   * and gives it; the lead is offered the opinion again.
   */
  private void askAnotherUnitToAssist(String id, String number, String unit, String lead) {
    String assisting = unit.equals("530302:rsj") ? "530302:zjj" : "530302:rsj";
    act("assistance");
    type("act-unitCode-region", "530302");
    usableElement(By.id("act-unitCode-region")).sendKeys(org.openqa.selenium.Keys.TAB);
    select("#act-unitCode", assisting);
    type("act-tasks", "核实供热企业的服务质量监管记录。");
    java.time.LocalDate day = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    java.time.LocalDate sunday = day.plusDays(7 + (7 - day.getDayOfWeek().getValue()) % 7);
    setValue("act-dueOn", sunday);
    submit();
    waitFor(d -> text("#act-dueOn-error").startsWith("须为工作日"));
    java.time.LocalDate weekday = sunday.plusDays(2); // a Tuesday
    while (weekday.getMonthValue() == 1 && weekday.getDayOfMonth() <= 3) {
      weekday = weekday.plusDays(7);
    }
    setValue("act-dueOn", weekday);
    submit();
    waitFor(d -> text("#history").contains("商请协办"));
    waitFor(d -> !offered().isEmpty() && !offered().contains("opinion"));

    signInWithToken(Tokens.ofUnit(platform, "web-it-assist-" + SERIAL, "handler", assisting));
    browser.get(platform.gatewayUrl() + "/queue.html");
    waitFor(d -> text("#items").contains(number) && text("#items").contains("协办"));
    openTheCase(id, number);
    waitFor(d -> offered().equals(List.of("contribution")));
    act("contribution");
    type("act-contribution", "经核实，供热企业近两年有三次服务质量投诉记录。");
    submit();
    waitFor(d -> text("#history").contains("协办反馈"));

    signInWithToken(lead);
    openTheCase(id, number);
    waitFor(d -> offered().contains("opinion"));
  }

  @Test
  @Order(8)
  void aSupervisorIssuesALetterFromTheCasePageTheUnitAnswersItALeaderInstructsAndAUnitIsListed() {
    String reason = "督办页面测试" + SERIAL + "：受理告知逾期未发。";
    String letterCase =
        given()
            .baseUri(platform.gatewayUrl())
            .auth()
            .oauth2(registrar)
            .contentType(ContentType.JSON)
            .body(Visits.visit("530302001", "督办页面测试" + SERIAL + "：工地拖欠工资。"))
            .post("/api/intake/cases")
            .then()
            .statusCode(201)
            .extract()
            .path("petitionCase.id");
    String unit =
        Visits.awaitRouted(platform.gatewayUrl(), registrar, letterCase).path("handlingUnit.code");
    String supervisor = Tokens.of(platform, "web-it-supervisor", "supervisor", "5303");
    // a letter concerns a step the unit owes: supervision must have heard of that step first
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                given()
                    .baseUri(platform.gatewayUrl())
                    .auth()
                    .oauth2(supervisor)
                    .queryParam("caseId", letterCase)
                    .get("/api/supervision/clocks")
                    .then()
                    .statusCode(200)
                    .extract()
                    .<List<String>>path("unitCode"),
            units -> units.contains(unit));

    signInWithToken(supervisor);
    browser.get(platform.gatewayUrl() + "/case.html?id=" + letterCase);
    click("supervise");
    waitFor(d -> !d.findElements(By.cssSelector("#letter-form form[data-act='letter']")).isEmpty());
    assertEquals(unit, usableElement(By.id("act-recipientUnit")).getAttribute("value"));
    submit("#letter-form");
    waitFor(d -> text("#act-reason-error").equals("不能为空"));
    assertEquals("必须填写", text("#act-replyDueOn-error"));
    type("act-reason", reason);
    setValue(
        "act-replyDueOn",
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(10));
    submit("#letter-form");
    waitFor(d -> text("#letters").contains(reason) && text("#messages").contains("已办理"));
    assertTrue(text("#letters").contains("待回复"), text("#letters"));

    // the unit answers on a phone
    signInWithToken(Tokens.ofUnit(platform, "web-it-letters-" + SERIAL, "handler", unit));
    onAPhone(
        () -> {
          browser.get(platform.gatewayUrl() + "/supervision.html");
          waitFor(d -> text("#letters").contains(reason));
          // the page shows the sections a role may use once its script has run (letters drawn)
          waitFor(d -> !d.findElement(By.id("listings-section")).isDisplayed());
          assertFalse(
              present("#listings-section").isDisplayed(),
              "a unit's handler sees its letters, not the listings");
          click(By.xpath("//tr[contains(., '" + reason + "')]//button[@data-answer]"));
          submit("#letter-form");
          waitFor(d -> text("#act-answer-error").equals("不能为空"));
          type("act-answer", "已于当日补发受理告知书。");
          assertTrue(fitsTheScreen(), "the letters and the answer form fit 375 px");
          submit("#letter-form");
          waitFor(d -> text("#letters").contains("已于当日补发受理告知书。"));
          assertTrue(text("#letters").contains("已回复"), text("#letters"));
          click(By.xpath("//tr[contains(., '" + reason + "')]//button[@data-letter]"));
          waitFor(d -> d.findElement(By.id("letter-view")).isDisplayed());
        });

    // the city's leader records an instruction (领导批示) from the case page; the case lists it
    // beside the letter
    String instructed = "批示页面测试" + SERIAL + "：请依法妥善处理，按期报告办理情况。";
    signInWithToken(Tokens.of(platform, "web-it-leader", "leader", "5303"));
    browser.get(platform.gatewayUrl() + "/case.html?id=" + letterCase);
    click("instruct");
    waitFor(
        d ->
            !d.findElements(By.cssSelector("#letter-form form[data-act='instruction']")).isEmpty());
    assertEquals(unit, usableElement(By.id("act-recipientUnit")).getAttribute("value"));
    type("act-reason", instructed);
    setValue(
        "act-replyDueOn",
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(7));
    submit("#letter-form");
    waitFor(d -> text("#letters").contains(instructed) && text("#messages").contains("已办理"));
    assertTrue(text("#letters").contains("领导批示件"), text("#letters"));
    browser.get(platform.gatewayUrl() + "/case.html?id=" + letterCase);
    waitFor(d -> text("#case-letters").contains("领导批示件"));
    assertTrue(text("#case-letters").contains("督办函"), text("#case-letters"));

    // the supervisor lists a unit under supervision (挂牌督办)
    String listed = "挂牌测试" + SERIAL + "：三率连续两月低于全市平均。";
    signInWithToken(supervisor);
    browser.get(platform.gatewayUrl() + "/supervision.html");
    click("new-listing");
    type("act-target", "530302-rsj");
    type("act-reason", listed);
    setValue(
        "act-rectifyBy",
        java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(60));
    submit("#listing-form");
    waitFor(d -> text("#act-target-error").equals("格式不正确"));
    type("act-target", "530302:rsj");
    submit("#listing-form");
    waitFor(d -> text("#listings").contains(listed));
    assertTrue(text("#listings").contains("挂牌中"), text("#listings"));
  }

  @Test
  void aSupervisorKeepsTheReceptionRosterAndALeaderWhoPlansNoDayIsFlagged() {
    String leader = "名单" + SERIAL;
    signInWithToken(Tokens.of(platform, "web-it-roster", "supervisor", "530302"));
    browser.get(platform.gatewayUrl() + "/supervision.html");
    click("new-roster-leader");
    type("act-leader", leader);
    submit("#roster-form");
    waitFor(d -> text("#act-post-error").equals("不能为空"));
    type("act-post", "副区长");
    submit("#roster-form");
    waitFor(d -> text("#roster").contains(leader));
    assertTrue(
        present("#roster [data-plans-none='" + leader + "']").isDisplayed(),
        "a leader on the roster with no day planned is flagged: " + text("#roster"));
    click(By.xpath("//div[@id='roster']//tr[contains(., '" + leader + "')]//button[@data-unlist]"));
    waitFor(d -> !text("#roster").contains(leader));
  }

  /** Takes the steps in a window as wide as a phone's (375 px), then at desktop width again. */
  private void onAPhone(Runnable steps) {
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(375, 800));
    try {
      steps.run();
    } finally {
      browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }
  }

  /** Nothing on the page is wider than the window: no sideways scrolling. */
  private boolean fitsTheScreen() {
    return (Boolean)
        ((JavascriptExecutor) browser)
            .executeScript("return document.documentElement.scrollWidth <= window.innerWidth");
  }

  /** Sets a date field as the date picker would. */
  private void setValue(String id, java.time.LocalDate day) {
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = arguments[1]", usableElement(By.id(id)), day.toString());
  }

  private void submit(String form) {
    click(By.cssSelector(form + " button[type=submit]"));
  }

  private void openTheCase(String id, String number) {
    browser.get(platform.gatewayUrl() + "/case.html?id=" + id);
    waitFor(d -> text("#case-number").equals(number));
  }

  /** The acts the page offers, once it has asked (GET …/acts). */
  private List<String> offered() {
    waitFor(d -> !text("#acts").isEmpty());
    return browser.findElements(By.cssSelector("#acts button")).stream()
        .map(b -> b.getAttribute("data-act"))
        .toList();
  }

  /** Opens the form of the act. */
  private void act(String act) {
    click(By.cssSelector("#acts button[data-act='" + act + "']"));
    waitFor(
        d -> !d.findElements(By.cssSelector("#act-form form[data-act='" + act + "']")).isEmpty());
  }

  private void submit() {
    click(By.cssSelector("#act-form button[type=submit]"));
  }

  private String activeId() {
    return (String)
        ((JavascriptExecutor) browser).executeScript("return document.activeElement.id");
  }

  private void fillTheLetter(String phone) {
    fillTheLetter(CONTENT, PETITIONER, phone, "云南省曲靖市麒麟区南宁街道");
  }

  private void fillTheLetter(String content, String name, String phone, String address) {
    select("#channel", "LETTER");
    select("#petitionClass", "APPEAL");
    select("#purpose", "SEEK_SOLUTION");
    select("#category", "0105");
    select("select[data-depth='1']", "530302001");
    waitFor(d -> text("#matterRegionCode").equals("530302001"));
    type("content", content);
    type("p-name", name);
    type("p-phone", phone);
    type("p-address", address);
  }

  private void signInAs(String user, String page) {
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    browser.get(platform.gatewayUrl() + "/index.html?next=" + page);
    click(By.cssSelector("button[data-user='" + user + "']"));
    waitFor(d -> d.getCurrentUrl().endsWith(page));
  }

  /** Signs in as the province's identity provider's users do: with a token pasted in. */
  private void signInWithToken(String token) {
    browser.get(platform.gatewayUrl() + "/index.html");
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    browser.get(platform.gatewayUrl() + "/index.html");
    type("token", token);
    click(By.cssSelector("#token-form button"));
    waitFor(d -> d.findElement(By.id("signed-in")).isDisplayed());
  }

  /** Clicks the element once it is there, shown and enabled. */
  private void click(String id) {
    click(By.id(id));
  }

  private void click(By what) {
    usableElement(what).click();
  }

  /** Types into the field once it is there, shown and enabled. */
  private void type(String id, String text) {
    WebElement input = usableElement(By.id(id));
    input.clear();
    input.sendKeys(text);
  }

  /** Chooses an option once the list has it (some lists are filled from a fetch). */
  private void select(String css, String value) {
    By option = By.cssSelector(css + " option[value='" + value + "']");
    waitFor(d -> !d.findElements(option).isEmpty());
    new Select(usableElement(By.cssSelector(css))).selectByValue(value);
  }

  /** The element, as the wait found it there, shown and enabled: what is used is what was seen. */
  private WebElement usableElement(By what) {
    return new WebDriverWait(browser, Duration.ofSeconds(30))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement element = d.findElement(what);
              return element.isDisplayed() && element.isEnabled() ? element : null;
            });
  }

  /** The attribute of the element, once it is there ("" when it has none). */
  private String attribute(String css, String name) {
    String value = present(css).getAttribute(name);
    return value == null ? "" : value;
  }

  /** The element's text, once it is there. */
  private String text(String css) {
    return present(css).getText().strip();
  }

  /**
   * The element, waited for until it is there (a page fills parts of itself from later fetches).
   */
  private WebElement present(String css) {
    return new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> d.findElement(By.cssSelector(css)));
  }

  /** Clicks inside a wait: a table drawn again between finding and clicking is tried again. */
  private static boolean clicked(WebElement element) {
    element.click();
    return true;
  }

  /** Waits for the condition; an element not there yet, or drawn again meanwhile, is retried. */
  private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
    waitFor(Duration.ofSeconds(30), condition);
  }

  private void waitFor(
      Duration timeout, java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(browser, timeout)
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .until(condition::apply);
  }
}
