package cn.gov.petition.testing.plan.bad.store;

import cn.gov.petition.testing.plan.bad.events.Listener;

/** Misplaced: store calls a consumer. */
public class CallsEvents {
  void save() {
    Listener.hear();
  }
}
