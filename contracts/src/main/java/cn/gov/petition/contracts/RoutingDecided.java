package cn.gov.petition.contracts;

import java.time.Instant;
import java.util.List;

/**
 * 路由决定: routing-service chose the unit with authority over a case (转送 or 交办) and says why.
 *
 * @param caseId the case
 * @param caseNumber its number
 * @param unitCode the chosen unit, {@code <region code>:<department code>}
 * @param unitName the unit's Chinese name, e.g. 麒麟区信访局
 * @param regionCode the unit's region
 * @param mode FORWARD (转送) or ASSIGN (交办)
 * @param ruleVersion the version of the authority rules used
 * @param explanation why this unit, in words a clerk can check
 * @param decidedAt when the decision was made
 * @param escalated 越级走访: a visit registered two or more levels above the level with authority (Art
 *     20); the petitioner is to be guided to the right level
 * @param node the region code of the node that hosts the unit (the deepest node whose region
 *     contains the unit's); when it is not the deciding node, the case is handed off to it
 * @param informed 三跨三分离: the 信访 offices of the counties where the petitioners live or are
 *     registered, when those differ from the matter's; they are informed (抄告), the case is handled
 *     where the matter is
 * @param excluded for an accusation: the accused units and every unit inside their departments at
 *     their level; the case must never reach one of them, nor be re-routed to one (Art 30(3))
 * @param nodeKey when {@code node} is another node: its public key for handoffs, as it announced it
 *     ({@link NodeAnnounced#handoffKey}); null when the case stays, or that node announced none
 */
public record RoutingDecided(
    String caseId,
    String caseNumber,
    String unitCode,
    String unitName,
    String regionCode,
    String mode,
    String ruleVersion,
    String explanation,
    Instant decidedAt,
    boolean escalated,
    String node,
    List<String> informed,
    List<String> excluded,
    String nodeKey) {}
