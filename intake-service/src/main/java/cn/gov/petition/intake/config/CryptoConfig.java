package cn.gov.petition.intake.config;

import cn.gov.petition.common.crypto.FieldCipher;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;

/** A node without a valid field key refuses to start rather than store personal data in plain. */
class CryptoConfig {

  void checkKey(@Observes StartupEvent start) {
    FieldCipher.instance();
  }
}
