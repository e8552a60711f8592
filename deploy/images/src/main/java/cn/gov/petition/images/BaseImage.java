package cn.gov.petition.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The base image of the services' images, built without a Docker engine or a registry: a Java
 * runtime made with jlink from the JDK that runs the build, the C libraries it loads (as {@code
 * ldd} finds them on the build machine), a user and group {@code petition} (185) and a writable
 * {@code /tmp}, written as a tar that Quarkus' Jib extension takes as base image ({@code
 * tar://...}). Reproducible: every file has the same time, so the same JDK and libraries give the
 * same layers.
 *
 * <p>Run: {@code BaseImage <output.tar> [image name]}.
 */
public final class BaseImage {

  /**
   * The modules the services use (java.desktop for java.beans, which Hibernate reads entities
   * with), and the locales and charsets.
   */
  static final List<String> MODULES =
      List.of(
          "java.base",
          "java.compiler",
          "java.desktop",
          "java.instrument",
          "java.logging",
          "java.management",
          "java.naming",
          "java.net.http",
          "java.prefs",
          "java.rmi",
          "java.scripting",
          "java.security.jgss",
          "java.security.sasl",
          "java.sql",
          "java.transaction.xa",
          "java.xml",
          "jdk.charsets",
          "jdk.crypto.ec",
          "jdk.localedata",
          "jdk.management",
          "jdk.naming.dns",
          "jdk.net",
          "jdk.unsupported",
          "jdk.zipfs");

  static final String JAVA_HOME = "/opt/java";
  static final String USER = "185";
  private static final Instant EPOCH_PLUS_ONE = Instant.ofEpochSecond(1);
  private static final Pattern LIBRARY = Pattern.compile("(/\\S+)\\s+\\(0x[0-9a-f]+\\)");

  private BaseImage() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: BaseImage <output.tar> [image name]");
      System.exit(2);
    }
    Path output = Path.of(args[0]).toAbsolutePath();
    String name = args.length > 1 ? args[1] : "petition/java-runtime:17";
    build(output, name);
    System.out.println("base image " + name + " written to " + output);
  }

  static void build(Path output, String name) throws Exception {
    Files.createDirectories(output.getParent());
    Path work = Files.createTempDirectory(output.getParent(), "base-image-");
    Path runtime = work.resolve("java");
    jlink(runtime);
    Path etc = Files.createDirectories(work.resolve("etc"));
    Files.writeString(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/sbin/nologin\npetition:x:185:185:petition:/deployments:/sbin/nologin\n");
    Files.writeString(etc.resolve("group"), "root:x:0:\npetition:x:185:\n");
    Files.writeString(etc.resolve("nsswitch.conf"), "hosts: files dns\n");
    Path tmp = Files.createDirectories(work.resolve("tmp"));

    FileEntriesLayer.Builder runtimeLayer =
        FileEntriesLayer.builder().setName("java runtime: jlink of " + javaVersion());
    addTree(runtimeLayer, runtime, AbsoluteUnixPath.get(JAVA_HOME));
    FileEntriesLayer.Builder libraryLayer = FileEntriesLayer.builder().setName("c libraries");
    for (String library : libraries(runtime)) {
      libraryLayer.addEntry(
          Path.of(library),
          AbsoluteUnixPath.get(library),
          FilePermissions.fromOctalString("755"),
          EPOCH_PLUS_ONE);
    }
    FileEntriesLayer.Builder systemLayer = FileEntriesLayer.builder().setName("system");
    for (String file : List.of("passwd", "group", "nsswitch.conf")) {
      systemLayer.addEntry(
          etc.resolve(file),
          AbsoluteUnixPath.get("/etc/" + file),
          FilePermissions.fromOctalString("644"),
          EPOCH_PLUS_ONE);
    }
    systemLayer.addEntry(
        tmp, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"), EPOCH_PLUS_ONE);

    Jib.fromScratch()
        .addFileEntriesLayer(libraryLayer.build())
        .addFileEntriesLayer(runtimeLayer.build())
        .addFileEntriesLayer(systemLayer.build())
        .setEnvironment(
            Map.of(
                "JAVA_HOME",
                JAVA_HOME,
                "PATH",
                JAVA_HOME + "/bin:/usr/bin:/bin",
                "LANG",
                "C.UTF-8",
                "TZ",
                "Asia/Shanghai"))
        .setUser(USER)
        .setCreationTime(EPOCH_PLUS_ONE)
        .containerize(
            Containerizer.to(TarImage.at(output).named(name))
                .setBaseImageLayersCache(work.resolve("cache"))
                .setApplicationLayersCache(work.resolve("cache")));
    delete(work);
  }

  /** jlink of the build's JDK, without headers, man pages or debug symbols. */
  private static void jlink(Path runtime) throws IOException, InterruptedException {
    Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
    run(
        List.of(
            jlink.toString(),
            "--add-modules",
            String.join(",", MODULES),
            "--strip-debug",
            "--no-header-files",
            "--no-man-pages",
            "--output",
            runtime.toString()));
  }

  /**
   * The shared libraries the runtime's programs and libraries load, as {@code ldd} resolves them
   * (the loader among them), the runtime's own excluded.
   */
  static TreeSet<String> libraries(Path runtime) throws IOException, InterruptedException {
    TreeSet<String> libraries = new TreeSet<>();
    List<Path> binaries = new ArrayList<>();
    try (Stream<Path> files = Files.walk(runtime)) {
      files
          .filter(Files::isRegularFile)
          .filter(f -> f.toString().endsWith(".so") || f.getParent().endsWith("bin"))
          .forEach(binaries::add);
    }
    for (Path binary : binaries) {
      Matcher found = LIBRARY.matcher(run(List.of("ldd", binary.toString())));
      while (found.find()) {
        String library = found.group(1);
        if (!library.startsWith(runtime.toString())) {
          libraries.add(library);
        }
      }
    }
    if (libraries.stream().noneMatch(l -> l.contains("ld-linux"))) {
      throw new IllegalStateException("ldd found no program loader for " + runtime);
    }
    return libraries;
  }

  private static void addTree(FileEntriesLayer.Builder layer, Path root, AbsoluteUnixPath target)
      throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted().toList()) {
        if (file.equals(root) || Files.isDirectory(file)) {
          continue;
        }
        String mode = Files.isExecutable(file) ? "755" : "644";
        layer.addEntry(
            file,
            target.resolve(root.relativize(file).toString()),
            FilePermissions.fromOctalString(mode),
            EPOCH_PLUS_ONE);
      }
    }
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
    }
    return out;
  }

  private static String javaVersion() {
    return System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version");
  }

  private static void delete(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
