package org.ecrm.core.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Direction;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.service.Interactions;
import org.ecrm.core.spi.CaseStore;
import org.ecrm.core.support.BusinessCalendar;
import org.ecrm.core.support.CasePriority;
import org.ecrm.core.support.CaseReport;
import org.ecrm.core.support.CaseStatus;
import org.ecrm.core.support.CaseType;
import org.ecrm.core.support.Cases;
import org.ecrm.core.support.ServiceLevel;
import org.ecrm.core.support.SlaClock;
import org.ecrm.core.support.SupportCase;

/** {@link Cases} over a {@link CaseStore}, with clocks in a {@link BusinessCalendar}. Thread-safe. */
public final class CaseService implements Cases {
  private static final Set<CaseStatus> NOT_COUNTING_RESPONSE = EnumSet.of(CaseStatus.PENDING_CUSTOMER,
      CaseStatus.RESOLVED, CaseStatus.CLOSED);

  private final CrmContext ctx;
  private final Interactions interactions;
  private final CaseStore store;
  private final ServiceLevels levels;

  /** @param ctx the context @param interactions records the messages @param levels calendar and policies */
  public CaseService(CrmContext ctx, Interactions interactions, ServiceLevels levels) {
    this.ctx = ctx;
    this.interactions = interactions;
    this.store = ctx.storage().cases();
    this.levels = levels;
  }

  /**
   * The service-level configuration: calendar, policies (first match wins) and the share of the
   * allowed time under which a running clock is near breach.
   *
   * @param calendar working time
   * @param policies policies in order
   * @param nearBreachShare 0 to 1
   */
  public record ServiceLevels(BusinessCalendar calendar, List<ServiceLevel> policies, double nearBreachShare) {
    /** The default: always open; 24 h first response, 48 h next update, 5 days resolution; 20 %. */
    public static final ServiceLevels DEFAULT = new ServiceLevels(BusinessCalendar.ALWAYS,
        List.of(new ServiceLevel("default", Set.of(), Set.of(), Duration.ofHours(24), Duration.ofHours(48),
            Duration.ofDays(5))), 0.2);

    /** @throws IllegalArgumentException if there is no policy or the share is outside 0..1 */
    public ServiceLevels {
      Checks.notNull("calendar", calendar);
      policies = Checks.list("serviceLevels", policies);
      if (policies.isEmpty()) {
        throw Checks.invalid("serviceLevels", "needs at least one policy", policies);
      }
      if (!(nearBreachShare >= 0 && nearBreachShare <= 1)) {
        throw Checks.invalid("nearBreachShare", "must be between 0 and 1", nearBreachShare);
      }
    }
  }

  @Override
  public SupportCase open(CustomerId customerId, Channel channel, CaseType type, CasePriority priority,
      String subject, String message) {
    Checks.notNull("type", type);
    Checks.notNull("priority", priority);
    Instant now = ctx.now();
    Interaction first = interactions.record(Interaction.builder(customerId, channel, interactionType(type))
        .direction(Direction.INBOUND).occurredAt(now).subject(subject).summary(message));
    SupportCase c = new SupportCase(ctx.newId("case"), customerId, channel, type, priority, subject, "",
        now, List.of(new SupportCase.StatusChange(CaseStatus.NEW, now)), List.of(), List.of(first.id()), 1);
    return store.insert(c);
  }

  private static InteractionType interactionType(CaseType type) {
    return switch (type) {
      case COMPLAINT -> InteractionType.COMPLAINT;
      case QUERY -> InteractionType.QUERY;
      case REQUEST -> InteractionType.OTHER;
    };
  }

  @Override
  public Optional<SupportCase> get(String id) {
    return store.get(Checks.notNull("caseId", id));
  }

  private SupportCase require(String id) {
    return get(id).orElseThrow(() -> new NotFoundException("SupportCase", id));
  }

  @Override
  public List<SupportCase> ofCustomer(CustomerId customerId) {
    return store.findByCustomer(Checks.notNull("customerId", customerId));
  }

  @Override
  public SupportCase reply(String caseId, String message, boolean awaitCustomer) {
    return message(caseId, message, true, awaitCustomer ? CaseStatus.PENDING_CUSTOMER : CaseStatus.OPEN);
  }

  @Override
  public SupportCase customerMessage(String caseId, String message) {
    SupportCase c = require(caseId);
    CaseStatus next = c.status() == CaseStatus.RESOLVED ? CaseStatus.REOPENED
        : c.status() == CaseStatus.PENDING_CUSTOMER ? CaseStatus.OPEN : c.status();
    return message(caseId, message, false, next);
  }

  private SupportCase message(String caseId, String text, boolean outbound, CaseStatus next) {
    SupportCase c0 = require(caseId);
    if (c0.status() == CaseStatus.CLOSED) {
      throw new IllegalStateException("SupportCase '" + caseId + "' is CLOSED; open a new case");
    }
    Instant now = ctx.now();
    Interaction m = interactions.record(Interaction.builder(c0.customerId(), c0.channel(),
        interactionType(c0.type())).direction(outbound ? Direction.OUTBOUND : Direction.INBOUND)
        .occurredAt(now).subject(c0.subject()).summary(text));
    return CrmContext.retrying(() -> {
      SupportCase c = require(caseId);
      CaseStatus target = outbound && c.status() == CaseStatus.RESOLVED ? CaseStatus.RESOLVED : next;
      return store.update(c.withMessage(m.id(), outbound, now, target));
    });
  }

  @Override
  public SupportCase changeStatus(String caseId, CaseStatus status) {
    Checks.notNull("status", status);
    return CrmContext.retrying(() -> {
      SupportCase c = require(caseId);
      CaseStatus from = c.status();
      boolean allowed = from != CaseStatus.CLOSED && status != CaseStatus.NEW && status != from
          && (status != CaseStatus.REOPENED || from == CaseStatus.RESOLVED);
      if (!allowed) {
        throw new IllegalStateException("SupportCase '" + caseId + "' cannot go from " + from + " to "
            + status);
      }
      return store.update(c.withStatus(status, ctx.now()));
    });
  }

  @Override
  public SupportCase assign(String caseId, String assignee) {
    Checks.line("assignee", assignee);
    return CrmContext.retrying(() -> store.update(require(caseId).withAssignee(assignee)));
  }

  @Override
  public List<SlaClock> clocks(String caseId) {
    return clocks(require(caseId), ctx.now());
  }

  /** The clocks of {@code c} at {@code now}. */
  List<SlaClock> clocks(SupportCase c, Instant now) {
    ServiceLevel policy = levels.policies().stream().filter(p -> p.matches(c)).findFirst()
        .orElseThrow(() -> new IllegalStateException("no service level matches case " + c.id()
            + " (" + c.priority() + ", " + c.type() + "); add a catch-all policy"));
    boolean paused = c.status() == CaseStatus.PENDING_CUSTOMER;
    List<SlaClock> out = new ArrayList<>(3);
    Instant firstEnd = c.firstResponse().orElse(now);
    Duration firstUsed = counted(c, c.openedAt(), firstEnd, s -> s != CaseStatus.PENDING_CUSTOMER, now);
    out.add(clock("firstResponse", policy.firstResponse(), firstUsed, c.firstResponse().isPresent(),
        paused, now));
    boolean resolved = c.resolvedAt().isPresent();
    if (c.firstResponse().isPresent() && !resolved) {
      Instant since = c.lastResponse().orElseThrow();
      Duration used = counted(c, since, now, s -> !NOT_COUNTING_RESPONSE.contains(s), now);
      out.add(clock("nextUpdate", policy.nextUpdate(), used, false, paused, now));
    }
    Instant resEnd = c.resolvedAt().orElse(now);
    Duration resUsed = counted(c, c.openedAt(), resEnd, s -> !NOT_COUNTING_RESPONSE.contains(s), now);
    out.add(clock("resolution", policy.resolution(), resUsed, resolved, paused, now));
    return out;
  }

  private SlaClock clock(String target, Duration allowed, Duration used, boolean stopped, boolean paused,
      Instant now) {
    Instant due = stopped || paused || used.compareTo(allowed) > 0 ? null
        : levels.calendar().plus(now, allowed.minus(used));
    return SlaClock.of(target, allowed, used, stopped, paused, levels.nearBreachShare(), due);
  }

  /** Working time in [from, to) spent in statuses accepted by {@code counts}. */
  private Duration counted(SupportCase c, Instant from, Instant to, Predicate<CaseStatus> counts, Instant now) {
    Duration total = Duration.ZERO;
    List<SupportCase.StatusChange> changes = c.statusChanges();
    for (int i = 0; i < changes.size(); i++) {
      SupportCase.StatusChange ch = changes.get(i);
      if (!counts.test(ch.status())) {
        continue;
      }
      Instant start = ch.at().isAfter(from) ? ch.at() : from;
      Instant end = i + 1 < changes.size() ? changes.get(i + 1).at() : now;
      if (end.isAfter(to)) {
        end = to;
      }
      total = total.plus(levels.calendar().between(start, end));
    }
    return total;
  }

  @Override
  public List<SupportCase> aboutToBreach(Duration within) {
    Checks.notNull("within", within);
    Instant now = ctx.now();
    Instant limit = now.plus(within);
    List<Map.Entry<Instant, SupportCase>> hits = new ArrayList<>();
    Paging.stream(store::scan, SupportCase::id).filter(c -> c.status() != CaseStatus.CLOSED
        && c.status() != CaseStatus.RESOLVED).forEach(c -> clocks(c, now).stream()
        .flatMap(k -> k.due().stream()).filter(d -> !d.isAfter(limit)).min(Comparator.naturalOrder())
        .ifPresent(d -> hits.add(Map.entry(d, c))));
    hits.sort(Map.Entry.comparingByKey());
    return hits.stream().map(Map.Entry::getValue).toList();
  }

  @Override
  public CaseReport report() {
    Instant now = ctx.now();
    Map<String, List<SupportCase>> groups = new TreeMap<>();
    Paging.stream(store::scan, SupportCase::id).forEach(c -> groups.computeIfAbsent(
        c.channel() + "\u0000" + c.priority(), k -> new ArrayList<>()).add(c));
    List<CaseReport.Row> rows = new ArrayList<>();
    for (List<SupportCase> group : groups.values()) {
      List<Duration> first = new ArrayList<>();
      List<Duration> resolution = new ArrayList<>();
      int breached = 0;
      for (SupportCase c : group) {
        List<SlaClock> clocks = clocks(c, now);
        if (clocks.stream().anyMatch(k -> k.state() == SlaClock.State.BREACHED)) {
          breached++;
        }
        clocks.stream().filter(k -> k.target().equals("firstResponse") && c.firstResponse().isPresent())
            .forEach(k -> first.add(k.used()));
        clocks.stream().filter(k -> k.target().equals("resolution") && c.resolvedAt().isPresent())
            .forEach(k -> resolution.add(k.used()));
      }
      SupportCase any = group.get(0);
      rows.add(new CaseReport.Row(any.channel(), any.priority(), group.size(), percentile(first, 0.5),
          percentile(first, 0.9), percentile(resolution, 0.5), percentile(resolution, 0.9),
          (double) breached / group.size()));
    }
    return new CaseReport(rows);
  }

  /** Nearest-rank percentile; zero for no values. */
  static Duration percentile(List<Duration> values, double p) {
    if (values.isEmpty()) {
      return Duration.ZERO;
    }
    List<Duration> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int rank = (int) Math.ceil(p * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
