package cn.gov.petition.infra.broker;

/**
 * Lets the launcher find this module's jar without loading {@link BrokerMain}, whose Kafka types
 * are not on the launcher's class path.
 */
public final class BrokerMainLocator {
  private BrokerMainLocator() {}
}
