package cn.gov.petition.testing.plan.good.events;

import cn.gov.petition.testing.plan.good.Thing;
import org.eclipse.microprofile.reactive.messaging.Incoming;

public class ThingConsumer {
  @Incoming("things")
  void on(String name) {
    new Thing(name);
  }
}
