package cn.gov.petition.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The machine a bench ran on, as its output states it: the figures of two sessions are only
 * comparable on the same processor (bench/README.md). Shared by bench/ and the in-process benches
 * kept beside the code they measure (routing's RouterBench).
 */
public final class Machine {

  private Machine() {}

  /** For example "2 cores (AMD EPYC, 2596 MHz), JDK 17.0.15". */
  public static String describe() {
    return String.format(
        "%d cores (%s), JDK %s",
        Runtime.getRuntime().availableProcessors(),
        processor(),
        System.getProperty("java.version"));
  }

  /** The model and clock Linux reports in /proc/cpuinfo, or the OS architecture elsewhere. */
  private static String processor() {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      String model = field(lines, "model name");
      String mhz = field(lines, "cpu MHz");
      if (model != null) {
        return mhz == null ? model : model + ", " + Math.round(Double.parseDouble(mhz)) + " MHz";
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or a format we do not know: the architecture is all we can say
    }
    return System.getProperty("os.arch");
  }

  private static String field(List<String> lines, String name) {
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }
}
