package org.ecrm.core.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ecrm.core.b2b.B2b;
import org.ecrm.core.b2b.ListeningSummary.Signal;
import org.ecrm.core.b2b.ListeningSummary;
import org.ecrm.core.b2b.Opportunity;
import org.ecrm.core.b2b.PipelineStage;
import org.ecrm.core.b2b.UnitMember;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.loyalty.PointsEntry;
import org.ecrm.core.model.Account;
import org.ecrm.core.model.AccountContact;
import org.ecrm.core.model.AccountId;
import org.ecrm.core.model.AttributeValue;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.OrderStatus;
import org.ecrm.core.service.Accounts;
import org.ecrm.core.service.Customers;
import org.ecrm.core.service.Interactions;
import org.ecrm.core.service.Orders;
import org.ecrm.core.spi.OpportunityStore;

/** {@link B2b} over the opportunity store and the other services. Thread-safe. */
public final class B2bService implements B2b {
  private final CrmContext ctx;
  private final Accounts accounts;
  private final Customers customers;
  private final Interactions interactions;
  private final Orders orders;
  private final OpportunityStore store;
  private final List<PipelineStage> stages;

  /** Wires the services. */
  public B2bService(CrmContext ctx, Accounts accounts, Customers customers, Interactions interactions,
      Orders orders, List<PipelineStage> stages) {
    this.ctx = ctx;
    this.accounts = accounts;
    this.customers = customers;
    this.interactions = interactions;
    this.orders = orders;
    this.store = ctx.storage().opportunities();
    this.stages = List.copyOf(stages);
  }

  @Override
  public List<PipelineStage> stages() {
    return stages;
  }

  private PipelineStage stage(String name) {
    return stages.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> Checks.invalid("stage", "unknown pipeline stage (known: "
            + stages.stream().map(PipelineStage::name).toList() + ")", name));
  }

  @Override
  public Opportunity open(AccountId accountId, String name, Money amount, LocalDate expectedClose) {
    accounts.require(accountId);
    return store.insert(new Opportunity(ctx.newId("opportunity"), accountId, name, amount, expectedClose,
        List.of(new Opportunity.StageChange(stages.get(0).name(), ctx.now())), 1));
  }

  @Override
  public Optional<Opportunity> get(String id) {
    return store.get(Checks.notNull("opportunityId", id));
  }

  private Opportunity require(String id) {
    return get(id).orElseThrow(() -> new NotFoundException("Opportunity", id));
  }

  @Override
  public List<Opportunity> ofAccount(AccountId accountId) {
    return store.findByAccount(Checks.notNull("accountId", accountId));
  }

  @Override
  public Opportunity moveTo(String opportunityId, String stageName) {
    PipelineStage target = stage(stageName);
    return CrmContext.retrying(() -> {
      Opportunity o = require(opportunityId);
      if (stage(o.stage()).closed()) {
        throw new IllegalStateException("Opportunity '" + o.id() + "' is closed (" + o.stage() + ")");
      }
      return store.update(o.movedTo(target.name(), ctx.now()));
    });
  }

  @Override
  public Opportunity forecast(String opportunityId, Money amount, LocalDate expectedClose) {
    return CrmContext.retrying(() -> store.update(require(opportunityId).withForecast(amount, expectedClose)));
  }

  @Override
  public Map<String, Money> weightedPipeline() {
    Map<String, Money> out = new TreeMap<>();
    Paging.stream(store::scan, Opportunity::id).forEach(o -> {
      PipelineStage s = stage(o.stage());
      if (s.closed()) {
        return;
      }
      int digits = Math.max(0, o.amount().currency().getDefaultFractionDigits());
      Money weighted = new Money(o.amount().amount().multiply(s.probability()).setScale(digits,
          RoundingMode.HALF_EVEN), o.amount().currency());
      out.merge(o.amount().currency().getCurrencyCode(), weighted, Money::plus);
    });
    return out;
  }

  @Override
  public List<UnitMember> decisionMakingUnit(AccountId accountId) {
    Account a = accounts.require(accountId);
    Map<CustomerId, List<org.ecrm.core.model.BuyingRole>> roles = new java.util.LinkedHashMap<>();
    for (AccountContact c : a.contacts()) {
      roles.computeIfAbsent(c.customerId(), k -> new ArrayList<>()).add(c.role());
    }
    List<UnitMember> out = new ArrayList<>();
    roles.forEach((id, r) -> {
      List<Interaction> touch = interactions.ofCustomer(id);
      String name = customers.get(id).map(c -> c.name().full()).orElse("");
      out.add(new UnitMember(id, name, List.copyOf(r), touch.size(),
          touch.isEmpty() ? Optional.empty() : Optional.of(touch.get(touch.size() - 1).occurredAt())));
    });
    return out;
  }

  @Override
  public ListeningSummary listening(AccountId accountId, Instant from, Instant to) {
    Checks.notNull("from", from);
    Checks.notNull("to", to);
    if (!to.isAfter(from)) {
      throw Checks.invalid("to", "must be after from " + from, to);
    }
    Account a = accounts.require(accountId);
    Instant before = from.minus(Duration.between(from, to));
    List<CustomerId> contacts = a.contacts().stream().map(AccountContact::customerId).distinct().toList();
    return new ListeningSummary(accountId, signals(contacts, from, to), signals(contacts, before, from));
  }

  private Map<Signal, Double> signals(List<CustomerId> contacts, Instant from, Instant to) {
    double scoreSum = 0;
    int scores = 0;
    int mentions = 0;
    double sentimentSum = 0;
    int sentiments = 0;
    int engagement = 0;
    BigDecimal purchases = BigDecimal.ZERO;
    long points = 0;
    for (CustomerId id : contacts) {
      for (Interaction i : interactions.ofCustomer(id)) {
        if (i.occurredAt().isBefore(from) || !i.occurredAt().isBefore(to)) {
          continue;
        }
        if (i.type() == InteractionType.FEEDBACK && i.attributes().get("score") instanceof AttributeValue.Number n) {
          scoreSum += n.value().doubleValue();
          scores++;
        }
        if (i.channel() == Channel.SOCIAL) {
          mentions++;
          if (i.attributes().get("sentiment") instanceof AttributeValue.Number n) {
            sentimentSum += n.value().doubleValue();
            sentiments++;
          }
        } else {
          engagement++;
        }
      }
      for (Order o : orders.ofCustomer(id)) {
        if (o.status() != OrderStatus.CANCELLED && !o.placedAt().isBefore(from) && o.placedAt().isBefore(to)) {
          purchases = purchases.add(o.netTotal().amount());
        }
      }
      for (PointsEntry e : ctx.storage().ledger().history(id)) {
        if (e.kind() == PointsEntry.Kind.EARN && !e.at().isBefore(from) && e.at().isBefore(to)) {
          points += e.points();
        }
      }
    }
    Map<Signal, Double> m = new EnumMap<>(Signal.class);
    m.put(Signal.SAMPLING, scores == 0 ? 0 : scoreSum / scores);
    m.put(Signal.CHATTER, (double) mentions);
    m.put(Signal.SENTIMENT, sentiments == 0 ? 0 : sentimentSum / sentiments);
    m.put(Signal.ENGAGEMENT, (double) engagement);
    m.put(Signal.PURCHASES, purchases.doubleValue());
    m.put(Signal.LOYALTY, (double) points);
    return m;
  }
}
