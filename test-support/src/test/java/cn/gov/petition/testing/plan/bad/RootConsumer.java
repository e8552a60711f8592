package cn.gov.petition.testing.plan.bad;

import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Misplaced: a consumer outside events. */
public class RootConsumer {
  @Incoming("root")
  void on(String name) {}
}
