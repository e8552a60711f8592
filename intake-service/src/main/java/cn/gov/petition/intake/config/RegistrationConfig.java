package cn.gov.petition.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Thresholds of registration that a province may set differently. */
@ConfigMapping(prefix = "petition.registration")
public interface RegistrationConfig {

  /**
   * 集体访: how many people petitioning together make a collective petition. "5 or more" is common
   * practice; no national text fixes it (domain.md 5).
   */
  @WithDefault("5")
  int collectiveThreshold();

  /** From this content similarity (0..1, {@code ContentSimilarity}) on, the matter is the same. */
  @WithDefault("0.5")
  double repeatSimilarity();

  /** How many earlier cases of the same petitioner are compared, newest first. */
  @WithDefault("50")
  int repeatCandidates();
}
