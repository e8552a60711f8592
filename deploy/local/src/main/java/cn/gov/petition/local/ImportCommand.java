package cn.gov.petition.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;

/**
 * 历史数据导入 from the command line (docs/migration.md): {@code deploy/petition import FILE} opens an
 * import job at a node, sends the file in parts (read line by line, never whole), prints what the
 * checks refused, starts the job and shows its progress until it is done. The job runs in the node:
 * leaving the command (Ctrl-C) leaves it running, {@code --watch JOB} shows it again, {@code
 * --cancel JOB} stops it.
 */
public final class ImportCommand {

  /** Records per part: what one request of the import API takes. */
  static final int PART = 5_000;

  /** Bytes (UTF-8) per part at most: under the API's request limit of 1 MB. */
  static final int PART_BYTES = 900 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int SHOWN_ERRORS = 20;

  private final HttpClient http = HttpClient.newHttpClient();
  private final String gateway;
  private final String token;
  private final PrintStream out;
  private final boolean bar;
  private int shownErrors;

  public ImportCommand(String gateway, String token, PrintStream out, boolean bar) {
    this.gateway = gateway;
    this.token = token;
    this.out = out;
    this.bar = bar;
  }

  /** {@code deploy/petition import FILE | --check FILE | --watch JOB | --cancel JOB [options]}. */
  static int main(List<String> args) throws IOException, InterruptedException {
    String gateway = "http://localhost:8080";
    String token = System.getenv("PETITION_TOKEN");
    String mode = "import";
    String target = null;
    for (int i = 0; i < args.size(); i++) {
      switch (args.get(i)) {
        case "--gateway" -> gateway = args.get(++i);
        case "--token" -> token = args.get(++i);
        case "--check", "--watch", "--cancel" -> {
          mode = args.get(i).substring(2);
          target = args.get(++i);
        }
        default -> {
          if (args.get(i).startsWith("--") || target != null) {
            System.err.println("unknown option " + args.get(i));
            return 2;
          }
          target = args.get(i);
        }
      }
    }
    if (target == null) {
      System.err.println(
          "usage: deploy/petition import FILE | --check FILE | --watch JOB | --cancel JOB"
              + " [--gateway URL] [--token TOKEN]\n"
              + "  FILE: former cases, one JSON object per line (docs/migration.md)\n"
              + "  TOKEN: a node administrator's (or $PETITION_TOKEN); a local run's demo"
              + " administrator by default");
      return 2;
    }
    if (token == null) {
      token = DemoData.token(HttpClient.newHttpClient(), gateway, "yunnan-admin");
    }
    ImportCommand command = new ImportCommand(gateway, token, System.out, true);
    Path here = Path.of(System.getProperty("petition.cwd", "."));
    return switch (mode) {
      case "check" -> command.check(here.resolve(target));
      case "watch" -> command.watch(target).path("failed").asLong() > 0 ? 1 : 0;
      case "cancel" -> {
        JsonNode job = command.call("POST", "/api/intake/imports/" + target + "/cancel", null, 200);
        System.out.println("import job " + target + ": " + job.path("statusLabel").asText());
        yield 0;
      }
      default -> command.importFile(here.resolve(target)).path("failed").asLong() > 0 ? 1 : 0;
    };
  }

  /**
   * Opens a job, sends the file (JSON Lines, or a spreadsheet converted to them first), starts it
   * and waits until it is done; the job's last state.
   */
  public JsonNode importFile(Path file) throws IOException, InterruptedException {
    try (Records records = Records.of(file)) {
      String job = call("POST", "/api/intake/imports", null, 201).path("id").asText();
      out.println("import job " + job + ": sending " + file + " ...");
      parts(
          records.jsonl,
          part -> report(send("/api/intake/imports/" + job + "/parts", part), 0, records.rows));
      call("POST", "/api/intake/imports/" + job + "/start", null, 200);
      return watch(job);
    }
  }

  /**
   * The file's records as JSON Lines: the file itself, or a spreadsheet's cases written to a file
   * only its owner reads (they hold personal data), deleted when done.
   */
  private record Records(Path jsonl, List<Integer> rows, boolean temporary)
      implements AutoCloseable {

    static Records of(Path file) throws IOException {
      if (!FormerSpreadsheet.isSpreadsheet(file)) {
        return new Records(file, null, false);
      }
      Path jsonl =
          Files.createTempFile(
              "former-cases-",
              ".jsonl",
              java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                  java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
      try {
        return new Records(jsonl, FormerSpreadsheet.toJsonLines(file, jsonl).rows(), true);
      } catch (IOException e) {
        Files.deleteIfExists(jsonl);
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      if (temporary) {
        Files.deleteIfExists(jsonl);
      }
    }
  }

  /** The dry run: every part checked, nothing stored; 0 if every record can be imported. */
  int check(Path file) throws IOException, InterruptedException {
    int[] counts = {0, 0, 0};
    try (Records records = Records.of(file)) {
      parts(
          records.jsonl,
          part -> {
            JsonNode report = send("/api/intake/imports/check", part);
            counts[0] += report.path("records").asInt();
            counts[1] += report(report, counts[2], records.rows);
            counts[2] += (int) part.lines().count();
          });
    }
    out.printf(
        "%d records checked, %d can be imported, %d cannot%n",
        counts[0], counts[0] - counts[1], counts[1]);
    return counts[1] == 0 ? 0 : 1;
  }

  /** Shows the job's progress until it ends; its last state. */
  public JsonNode watch(String job) throws IOException, InterruptedException {
    JsonNode progress;
    while (true) {
      progress = call("GET", "/api/intake/imports/" + job, null, 200);
      String status = progress.path("status").asText();
      if (bar) {
        out.print("\r" + line(progress));
        out.flush();
      }
      if (!status.equals("RUNNING") && !status.equals("OPEN")) {
        break;
      }
      Thread.sleep(1000);
    }
    out.println((bar ? "\r" : "") + line(progress));
    if (progress.path("failed").asLong() + progress.path("invalid").asLong() > 0) {
      out.println(
          "what was not imported, and why: GET "
              + gateway
              + "/api/intake/imports/"
              + job
              + "/report");
    }
    return progress;
  }

  /** 「[#####-----] 1,234/5,000 已导入 1,200 · 跳过 0 · 未导入 34 · 85.2 件/秒 · 剩余 0:45」 */
  static String line(JsonNode p) {
    long records = p.path("records").asLong() - p.path("invalid").asLong();
    long done = records - p.path("pending").asLong();
    int filled = records == 0 ? 20 : (int) (20 * done / records);
    long left = p.path("secondsLeft").asLong(-1);
    return String.format(
        "[%s%s] %,d/%,d %s · 已导入 %,d · 跳过 %,d · 未导入 %,d · %.1f 件/秒%s   ",
        "#".repeat(filled),
        "-".repeat(20 - filled),
        done,
        records,
        p.path("statusLabel").asText(),
        p.path("imported").asLong(),
        p.path("skipped").asLong(),
        p.path("failed").asLong() + p.path("invalid").asLong(),
        p.path("perSecond").asDouble(),
        left < 0 ? "" : String.format(" · 剩余 %d:%02d", left / 60, left % 60));
  }

  /**
   * Prints a part's refused records (the first few), their lines {@code offset} after the part's
   * own numbering, or the spreadsheet rows they came from ({@code rows}); returns how many.
   */
  private int report(JsonNode report, int offset, List<Integer> rows) {
    for (JsonNode row : report.path("rows")) {
      if (shownErrors++ < SHOWN_ERRORS) {
        for (JsonNode error : row.path("errors")) {
          int line = offset + row.path("line").asInt();
          out.printf(
              "  %s %s: %s %s%n",
              rows == null ? "第 " + line + " 行" : "「案件」表第 " + rows.get(line - 1) + " 行",
              error.path("field").asText(),
              error.path("rule").asText(),
              error.path("message").asText());
        }
      } else if (shownErrors == SHOWN_ERRORS + 1) {
        out.println("  … (the report lists every refused record)");
      }
    }
    return report.path("invalid").asInt();
  }

  interface PartSink {
    void accept(String part) throws IOException, InterruptedException;
  }

  /** The file in parts of whole lines; a blank line is kept, so lines keep their numbers. */
  private static void parts(Path file, PartSink sink) throws IOException, InterruptedException {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      StringBuilder part = new StringBuilder();
      int records = 0;
      int bytes = 0;
      Iterator<String> lines = reader.lines().iterator();
      while (lines.hasNext()) {
        String line = lines.next();
        int size = line.getBytes(StandardCharsets.UTF_8).length + 1;
        if (size > PART_BYTES) {
          throw new IOException(
              "a line of " + file + " is longer than " + PART_BYTES + " bytes: not one case");
        }
        if (records > 0 && (records == PART || bytes + size > PART_BYTES)) {
          sink.accept(part.toString());
          part.setLength(0);
          records = 0;
          bytes = 0;
        }
        bytes += size;
        part.append(line).append('\n');
        if (!line.isBlank()) {
          records++;
        }
      }
      if (records > 0) {
        sink.accept(part.toString());
      }
    }
  }

  private JsonNode send(String path, String part) throws IOException, InterruptedException {
    return call("POST", path, part, 200);
  }

  private JsonNode call(String method, String path, String ndjson, int expected)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gateway + path))
            .timeout(Duration.ofMinutes(5))
            .header("Authorization", "Bearer " + token);
    request =
        ndjson == null
            ? request.method(method, HttpRequest.BodyPublishers.noBody())
            : request
                .header("Content-Type", "application/x-ndjson; charset=UTF-8")
                .method(
                    method, HttpRequest.BodyPublishers.ofString(ndjson, StandardCharsets.UTF_8));
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() != expected) {
      throw new IOException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
