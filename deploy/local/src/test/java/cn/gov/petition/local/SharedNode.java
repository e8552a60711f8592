package cn.gov.petition.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One running node of 云南省 (53) shared by the end-to-end tests that only call it (the authorisation
 * matrix, the edge probe, the web pages): started by the first of them, stopped and deleted when
 * the test run ends, so that the suite starts five services once instead of three times (issue 26:
 * CI under 20 minutes). A test that stops, kills or restarts a part of the node, or needs several
 * nodes, starts its own. Tests on the shared node never count what others may add: each reads its
 * own cases, or a township no other test uses.
 *
 * <p>Use: {@code @ExtendWith(SharedNode.class)} and {@code @Order(n)} on the class (they run first,
 * one after the other: src/test/resources/junit-platform.properties orders classes), then {@link
 * #platform()} in its {@code @BeforeAll}. The node stops when the last of {@link #SHARERS} is done,
 * before the tests that start their own nodes, or at the end of a run that left one out.
 */
final class SharedNode implements BeforeAllCallback, AfterAllCallback {

  /** The test classes that share the node. */
  static final Set<Class<?>> SHARERS =
      Set.of(AuthorizationMatrixIT.class, EdgeIT.class, WebPagesIT.class, ImportIT.class);

  private static final Set<Class<?>> DONE = ConcurrentHashMap.newKeySet();
  private static volatile Running running;

  @Override
  public void beforeAll(ExtensionContext context) {
    running = store(context).computeIfAbsent(Running.class, key -> Running.start(), Running.class);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    DONE.add(context.getRequiredTestClass());
    if (DONE.containsAll(SHARERS)) {
      Running done = store(context).remove(Running.class, Running.class);
      if (done != null) {
        done.close();
      }
    }
  }

  private static ExtensionContext.Store store(ExtensionContext context) {
    return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
  }

  /** Where the shared node keeps its data and its services' logs. */
  static Path runDirectory() {
    platform();
    return running.runDirectory();
  }

  /** The shared node, once the extension has run for the calling class. */
  static Platform platform() {
    if (running == null) {
      throw new IllegalStateException("annotate the test class with @ExtendWith(SharedNode.class)");
    }
    return running.platform();
  }

  /** The node and where its data lives; JUnit closes it when the run ends. */
  record Running(Platform platform, Path runDirectory) implements AutoCloseable {

    static Running start() {
      try {
        Path runDirectory = TestRuns.newRunDirectory("shared-node-");
        Platform platform =
            Platform.start(TestRuns.projectRoot(), runDirectory, "53", 0, TestRuns.DURABILITY);
        return new Running(platform, runDirectory);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      platform.close();
      TestRuns.deleteInfrastructure(runDirectory);
    }
  }
}
