package cn.gov.petition.local;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The run command ({@code deploy/petition up}) as a user stops it: with Ctrl-C or kill. */
class LauncherIT {

  @Test
  void aLauncherStoppedWhileStartingLeavesNoServiceBehind() throws Exception {
    Path run = TestRuns.newRunDirectory("launcher");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<ProcessHandle> services = new java.util.ArrayList<>();
    Process launcher =
        new ProcessBuilder(
                java.toString(),
                "-Dpetition.project.root=" + TestRuns.projectRoot(),
                "-cp",
                System.getProperty("java.class.path"),
                Petition.class.getName(),
                "up",
                "--data",
                run.toString(),
                "--port",
                "0",
                "--no-demo-data")
            .redirectErrorStream(true)
            .redirectOutput(run.resolve("launcher.log").toFile())
            .start();
    try {
      // stopped as soon as one service is up, while the launcher still waits for the others
      Path intakeLog = run.resolve("logs").resolve("intake-service.log");
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (!startedIn(intakeLog) && launcher.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertTrue(startedIn(intakeLog), "intake-service did not start; see " + run);
      launcher
          .descendants()
          .filter(p -> p.info().commandLine().orElse("").contains("quarkus-run.jar"))
          .forEach(services::add);
      assertFalse(services.isEmpty(), "the launcher has no service; see " + run);

      launcher.destroy(); // SIGTERM, as kill or Ctrl-C
      assertTrue(launcher.waitFor(90, TimeUnit.SECONDS), "the launcher did not stop");
      for (ProcessHandle service : services) {
        service.onExit().get(30, TimeUnit.SECONDS);
        assertFalse(service.isAlive(), "a service outlived its launcher: " + service.pid());
      }
    } finally {
      // nothing left to the next test, whatever happened (an orphan is no longer a descendant)
      services.forEach(ProcessHandle::destroyForcibly);
      launcher.descendants().forEach(ProcessHandle::destroyForcibly);
      launcher.destroyForcibly();
    }
  }

  private static boolean startedIn(Path log) throws java.io.IOException {
    return Files.exists(log) && Files.readString(log).contains(" started in ");
  }
}
