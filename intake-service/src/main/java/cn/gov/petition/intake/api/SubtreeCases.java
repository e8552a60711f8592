package cn.gov.petition.intake.api;

import cn.gov.petition.common.nodes.NodeRegistry;
import cn.gov.petition.common.problem.ProblemException;
import cn.gov.petition.common.security.Caller;
import cn.gov.petition.intake.store.CaseSearchRepository.Order;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;

/**
 * 辖区案件汇总: the case list of a caller whose subtree holds other nodes, gathered from each of them
 * (docs/nodes.md, "A subtree's case list"; ADR 35). Each node below is asked through its gateway
 * with the caller's own token, so it applies its own rules of who sees what and audits the call;
 * every node, this one included, leaves out the copies it handed to a node asked beside it, so a
 * case is listed once, by the node holding it. A node that does not answer is named in the list
 * ({@code unanswered}) rather than failing it, and the others are asked again without it, so that
 * the copies handed to it are listed as they stood when handed.
 */
@ApplicationScoped
public class SubtreeCases {

  private static final Logger LOG = Logger.getLogger(SubtreeCases.class);

  /** How deep a gathered list can be paged: each node sends up to this many of its first cases. */
  static final int DEEPEST = 1000;

  /** The query names a leg sets itself. */
  private static final Set<String> SET_PER_LEG = Set.of("page", "size", "excludeHandedTo");

  private final NodeRegistry nodes;
  private final ObjectMapper json;
  private final ManagedExecutor executor;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public SubtreeCases(NodeRegistry nodes, ObjectMapper json, ManagedExecutor executor) {
    this.nodes = nodes;
    this.json = json;
    this.executor = executor;
  }

  /**
   * The other nodes holding cases of the caller's subtree, with a gateway to ask: the nodes inside
   * it, and those between this node and it. Empty when there are none, and for a query that is
   * itself one leg of a gathering (it carries {@code excludeHandedTo}).
   */
  public List<NodeRegistry.Node> below(Caller caller, CaseQuery query) {
    if (query.excludeHandedTo != null || caller.subtree().isEmpty()) {
      return List.of();
    }
    String self = nodes.self();
    String subtree = caller.subtree();
    return nodes.all().stream()
        .filter(n -> !n.regionCode().equals(self) && n.address() != null)
        .filter(
            n ->
                n.regionCode().startsWith(subtree)
                    || (subtree.startsWith(n.regionCode())
                        && n.regionCode().startsWith(self)
                        && n.regionCode().length() > self.length()))
        .toList();
  }

  /**
   * The page gathered from this node ({@code local}, asked for the first {@code need} cases with
   * the nodes below left out) and from {@code below}.
   */
  public CaseListView gather(
      List<NodeRegistry.Node> below,
      MultivaluedMap<String, String> query,
      String authorization,
      CaseQuery.Checked checked,
      Function<List<String>, CaseListView> local) {
    int need = (checked.page() + 1) * checked.size();
    if (need > DEEPEST) {
      throw ProblemException.invalid(
          "page",
          "GatheredDepth",
          "跨节点汇总的列表至多翻到前 "
              + DEEPEST
              + " 件，请缩小查询条件 / a list gathered from several nodes pages through its first "
              + DEEPEST
              + " cases: narrow the search");
    }
    Round first = round(below, query, authorization, need, local);
    if (first.unanswered().isEmpty()) {
      return first.page(checked, List.of());
    }
    // asked again without the nodes that did not answer: the copies handed to them elsewhere are
    // listed instead, as they stood when handed, naming the node (handedToNode)
    List<NodeRegistry.Node> answered =
        below.stream().filter(n -> !first.unanswered().contains(n.regionCode())).toList();
    Round again = round(answered, query, authorization, need, local);
    List<String> unanswered = new ArrayList<>(first.unanswered());
    unanswered.addAll(again.unanswered());
    return again.page(checked, unanswered);
  }

  /** What one round of asking found: every node's first cases, their totals, and who was silent. */
  private record Round(
      long total, boolean more, List<CaseListView.Item> items, List<String> unanswered) {

    /** The page asked for: each case once, in the query's order. */
    CaseListView page(CaseQuery.Checked checked, List<String> silent) {
      // each copy handed to a node asked is left out there; should one slip through, the holder's
      // row is the one kept
      Map<String, CaseListView.Item> once = new LinkedHashMap<>();
      for (CaseListView.Item item : items) {
        once.merge(item.id(), item, (kept, other) -> kept.handedToNode() == null ? kept : other);
      }
      return new CaseListView(
          total,
          more,
          checked.page(),
          checked.size(),
          once.values().stream()
              .sorted(order(checked.order()))
              .skip((long) checked.page() * checked.size())
              .limit(checked.size())
              .toList(),
          List.copyOf(silent));
    }
  }

  /** This node and {@code asking}, each for its first {@code need} cases, at the same time. */
  private Round round(
      List<NodeRegistry.Node> asking,
      MultivaluedMap<String, String> query,
      String authorization,
      int need,
      Function<List<String>, CaseListView> local) {
    List<String> asked = asking.stream().map(NodeRegistry.Node::regionCode).toList();
    Map<String, CompletableFuture<Optional<List<CaseListView>>>> legs = new LinkedHashMap<>();
    for (NodeRegistry.Node node : asking) {
      legs.put(
          node.regionCode(),
          CompletableFuture.supplyAsync(leg(node, query, authorization, asked, need), executor));
    }
    CaseListView here = local.apply(asked);
    long total = here.total();
    boolean more = here.more();
    List<CaseListView.Item> items = new ArrayList<>(here.items());
    List<String> unanswered = new ArrayList<>();
    for (Map.Entry<String, CompletableFuture<Optional<List<CaseListView>>>> leg : legs.entrySet()) {
      Optional<List<CaseListView>> pages = leg.getValue().join();
      if (pages.isEmpty()) {
        unanswered.add(leg.getKey());
        continue;
      }
      total += pages.get().get(0).total();
      more |= pages.get().get(0).more();
      pages.get().forEach(p -> items.addAll(p.items()));
    }
    return new Round(total, more, items, unanswered);
  }

  /** One node's first {@code need} cases, page by page; empty when it does not answer. */
  private Supplier<Optional<List<CaseListView>>> leg(
      NodeRegistry.Node node,
      MultivaluedMap<String, String> query,
      String authorization,
      List<String> asked,
      int need) {
    return () -> {
      String base =
          (node.address().endsWith("/")
                  ? node.address().substring(0, node.address().length() - 1)
                  : node.address())
              + "/api/intake/cases?"
              + query.entrySet().stream()
                  .filter(e -> !SET_PER_LEG.contains(e.getKey()))
                  .flatMap(e -> e.getValue().stream().map(v -> param(e.getKey(), v)))
                  .collect(Collectors.joining("&"))
              + "&"
              + param("excludeHandedTo", String.join(",", asked));
      int size = Math.min(need, CaseQuery.MAX_SIZE);
      List<CaseListView> pages = new ArrayList<>();
      int fetched = 0;
      try {
        for (int page = 0; fetched < need; page++) {
          HttpRequest.Builder request =
              HttpRequest.newBuilder(URI.create(base + "&page=" + page + "&size=" + size))
                  .timeout(Duration.ofSeconds(10))
                  .header("Accept", "application/json")
                  .header("Petition-Relayed-From", nodes.self());
          if (authorization != null) {
            request.header("Authorization", authorization);
          }
          HttpResponse<String> answer =
              http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
          if (answer.statusCode() != 200) {
            LOG.warnf(
                "node %s answered %d to a gathered case list",
                node.regionCode(), answer.statusCode());
            return Optional.empty();
          }
          CaseListView one = json.readValue(answer.body(), CaseListView.class);
          pages.add(one);
          fetched += one.items().size();
          if (one.items().size() < size) {
            break;
          }
        }
        return Optional.of(pages);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      } catch (Exception e) {
        LOG.warnf("node %s did not answer a gathered case list: %s", node.regionCode(), e);
        return Optional.empty();
      }
    };
  }

  private static String param(String name, String value) {
    return name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /**
   * The list's order on its items, as each node orders its own; relevance, whose scores a list does
   * not carry, as newest first across nodes.
   */
  static Comparator<CaseListView.Item> order(Order order) {
    Comparator<CaseListView.Item> received =
        Comparator.comparing(CaseListView.Item::receivedOn)
            .thenComparing(CaseListView.Item::caseNumber);
    Comparator<CaseListView.Item> number = Comparator.comparing(CaseListView.Item::caseNumber);
    return switch (order) {
      case RECEIVED_NEWEST, RELEVANCE -> received.reversed();
      case RECEIVED_OLDEST -> received;
      case DUE_SOONEST ->
          Comparator.comparing(
                  CaseListView.Item::nextDueOn, Comparator.nullsLast(Comparator.naturalOrder()))
              .thenComparing(number);
      case DUE_LATEST ->
          Comparator.comparing(
                  CaseListView.Item::nextDueOn,
                  Comparator.nullsLast(Comparator.<LocalDate>reverseOrder()))
              .thenComparing(number);
      case NUMBER -> number;
      case NUMBER_DESC -> number.reversed();
    };
  }
}
