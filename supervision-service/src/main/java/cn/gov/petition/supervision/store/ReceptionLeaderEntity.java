package cn.gov.petition.supervision.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * 接访领导名单: a leader of a region who is to hold reception days at the level's frequency, listed by
 * the office whether or not any day is planned yet.
 */
@Entity
@Table(name = "reception_leader")
public class ReceptionLeaderEntity {
  @Id public UUID id;

  /** The region whose leader this is: its level sets the minimum frequency. */
  @Column(nullable = false)
  public String region;

  /** The leader's name as the office publishes the schedule. */
  @Column(nullable = false)
  public String leader;

  /** 职务, e.g. 区长. */
  @Column(nullable = false)
  public String post;

  @Column(name = "added_by", nullable = false)
  public String addedBy;

  @Column(name = "added_at", nullable = false)
  public Instant addedAt;
}
