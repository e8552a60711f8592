package cn.gov.petition.contracts;

/**
 * Every event type the platform publishes, with its CloudEvents {@code type}, the topic it travels
 * on and the record that is its {@code data}.
 *
 * <p>This enum is the one place that defines the event contract (docs/events.md lists it for other
 * government systems). Within v1 only additive changes are allowed; a breaking change is a new
 * type.
 */
public enum EventType {
  CASE_REGISTERED("cn.gov.petition.case.registered", Topics.CASE_EVENTS, CaseRegistered.class),
  CASE_PROGRESSED("cn.gov.petition.case.progressed", Topics.CASE_EVENTS, CaseProgressed.class),
  ROUTING_REQUESTED(
      "cn.gov.petition.routing.requested", Topics.ROUTING_REQUESTS, RoutingRequested.class),
  ROUTING_DECIDED(
      "cn.gov.petition.routing.decided", Topics.ROUTING_DECISIONS, RoutingDecided.class),
  NODE_ANNOUNCED("cn.gov.petition.node.announced", Topics.NODES, NodeAnnounced.class),
  CALENDAR_PUBLISHED(
      "cn.gov.petition.calendar.published", Topics.CALENDAR, CalendarPublished.class),
  CASE_HANDED_OFF("cn.gov.petition.case.handed-off", Topics.HANDOFFS, CaseHandedOff.class),
  HANDOFF_ACCEPTED("cn.gov.petition.case.handoff-accepted", Topics.HANDOFFS, HandoffAccepted.class),
  ATTACHMENT_HANDED_OFF(
      "cn.gov.petition.case.attachment-handed-off", Topics.HANDOFFS, AttachmentHandedOff.class),
  DEADLINE_ALERTED(
      "cn.gov.petition.supervision.deadline-alerted",
      Topics.SUPERVISION_EVENTS,
      DeadlineAlerted.class),
  LETTER_CHANGED(
      "cn.gov.petition.supervision.letter-changed", Topics.SUPERVISION_EVENTS, LetterChanged.class),
  BACKLOG_CHANGED(
      "cn.gov.petition.supervision.backlog-changed",
      Topics.SUPERVISION_EVENTS,
      BacklogChanged.class),
  LISTING_CHANGED(
      "cn.gov.petition.supervision.listing-changed",
      Topics.SUPERVISION_EVENTS,
      ListingChanged.class),
  WARNING_RAISED(
      "cn.gov.petition.analytics.warning-raised", Topics.ANALYTICS_EVENTS, WarningRaised.class),
  STATISTICS_SNAPSHOT(
      "cn.gov.petition.analytics.statistics-snapshot",
      Topics.ANALYTICS_EVENTS,
      StatisticsSnapshot.class);

  private final String type;
  private final String topic;
  private final Class<? extends Record> dataClass;

  EventType(String type, String topic, Class<? extends Record> dataClass) {
    this.type = type;
    this.topic = topic;
    this.dataClass = dataClass;
  }

  /** The CloudEvents {@code type} attribute. */
  public String type() {
    return type;
  }

  /** The topic; a name with {@code {node}} is one node's (see {@link Topics#forNode}). */
  public String topic() {
    return topic;
  }

  public Class<? extends Record> dataClass() {
    return dataClass;
  }

  /** The data schema version, carried as the CloudEvents {@code dataschema} attribute. */
  public String dataSchema() {
    return "urn:cn.gov.petition:schema:" + type + ":v1";
  }

  public static EventType of(Class<? extends Record> dataClass) {
    for (EventType eventType : values()) {
      if (eventType.dataClass == dataClass) {
        return eventType;
      }
    }
    throw new IllegalArgumentException(dataClass + " is not an event contract");
  }

  public static java.util.Optional<EventType> ofType(String type) {
    for (EventType eventType : values()) {
      if (eventType.type.equals(type)) {
        return java.util.Optional.of(eventType);
      }
    }
    return java.util.Optional.empty();
  }
}
