package org.ecrm.core.interact;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ecrm.core.Crm;
import org.ecrm.core.interact.ContactDecision.Code;
import org.ecrm.core.interact.ContactDecision.Reason;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Direction;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.Preferences;
import org.jspecify.annotations.Nullable;

/**
 * The contact policy: checks every rule and returns every reason a message may not go. Thread-safe
 * (stateless over thread-safe services).
 */
final class PolicyEngine {
  private final Crm crm;
  private final ContactRules rules;
  private final SuppressionList suppressions;
  private final ProfileService profiles;
  private final Set<Channel> deliverable;

  /** A policy over {@code crm} with {@code rules}; {@code deliverable} are the channels with a MessageChannel. */
  public PolicyEngine(Crm crm, ContactRules rules, SuppressionList suppressions, ProfileService profiles,
      Set<Channel> deliverable) {
    this.crm = crm;
    this.rules = rules;
    this.suppressions = suppressions;
    this.profiles = profiles;
    this.deliverable = Set.copyOf(deliverable);
  }

  /** The rules in force. */
  public ContactRules rules() {
    return rules;
  }

  /** Decides whether a message for {@code purpose} may go to {@code id} on {@code channel} at {@code at}. */
  public ContactDecision decide(CustomerId id, Channel channel, String purpose, Instant at) {
    List<Reason> reasons = new ArrayList<>();
    if (!deliverable.contains(channel)) {
      reasons.add(new Reason(Code.NO_DELIVERY_CHANNEL, "no MessageChannel delivers on " + channel));
    }
    Optional<Customer> found = crm.customers().get(id);
    if (found.isEmpty()) {
      boolean erased = profiles.isErased(id);
      reasons.add(new Reason(erased ? Code.ERASED : Code.UNKNOWN_CUSTOMER,
          erased ? "the customer's data was erased" : "no customer '" + id.value() + "'"));
      return new ContactDecision(id, channel, purpose, at, reasons);
    }
    Customer c = found.get();
    CustomerId cid = c.id();
    for (SuppressionList.Suppression s : suppressions.of(cid)) {
      if (s.covers(channel)) {
        reasons.add(new Reason(Code.SUPPRESSED, s.reason() + " on " + s.channel().map(Enum::name).orElse("all channels")
            + " since " + s.at() + (s.note().isEmpty() ? "" : " (" + s.note() + ")")));
      }
    }
    if (!crm.consents().canContact(cid, channel, purpose)) {
      Optional<ConsentRecord> last = crm.consents().current(cid).stream()
          .filter(r -> r.purpose().equals(purpose) && r.channel() == channel).findFirst();
      reasons.add(new Reason(Code.NO_CONSENT, last.map(r -> "consent for '" + purpose + "' on " + channel + " is "
          + r.status() + " since " + r.recordedAt()).orElse("no consent given for '" + purpose + "' on " + channel)));
    }
    String missing = switch (channel) {
      case EMAIL -> c.emails().isEmpty() ? "no e-mail address" : "";
      case SMS, PHONE -> c.phones().isEmpty() ? "no phone number" : "";
      case POST -> c.addresses().stream().allMatch(a -> a.lines().isEmpty()) ? "no postal street address" : "";
      default -> "";
    };
    if (!missing.isEmpty()) {
      reasons.add(new Reason(Code.NO_ADDRESS, missing));
    }
    Preferences prefs = crm.preferences().get(cid);
    if (rules.statedChannelsOnly() && !prefs.channels().isEmpty() && !prefs.channels().contains(channel)) {
      reasons.add(new Reason(Code.NOT_A_STATED_CHANNEL, "the customer stated " + prefs.channels()));
    }
    List<Interaction> outbound = crm.interactions().ofCustomer(cid).stream()
        .filter(i -> i.direction() == Direction.OUTBOUND && !i.occurredAt().isAfter(at)).toList();
    @Nullable Duration stated = switch (prefs.frequency()) {
      case DAILY -> Duration.ofDays(1);
      case WEEKLY -> Duration.ofDays(7);
      case MONTHLY -> Duration.ofDays(30);
      default -> null;
    };
    if (prefs.frequency() == org.ecrm.core.model.ContactFrequency.NEVER) {
      reasons.add(new Reason(Code.STATED_FREQUENCY, "the customer asked never to be contacted"));
    } else if (stated != null) {
      long n = count(outbound, null, at, stated);
      if (n >= 1) {
        reasons.add(new Reason(Code.STATED_FREQUENCY, "the customer asked for at most one message "
            + prefs.frequency().name().toLowerCase(java.util.Locale.ROOT) + "; " + n + " in the last " + stated.toDays()
            + " days"));
      }
    }
    ContactRules.Cap cap = rules.channelCaps().get(channel);
    if (cap != null) {
      long n = count(outbound, channel, at, cap.window());
      if (n >= cap.max()) {
        reasons.add(new Reason(Code.CHANNEL_CAP, n + " " + channel + " messages in the last " + human(cap.window())
            + ", cap " + cap.max()));
      }
    }
    if (rules.overallCap().isPresent()) {
      ContactRules.Cap all = rules.overallCap().get();
      long n = count(outbound, null, at, all.window());
      if (n >= all.max()) {
        reasons.add(new Reason(Code.OVERALL_CAP, n + " messages in the last " + human(all.window())
            + ", cap " + all.max()));
      }
    }
    if (rules.quietHours().isPresent()) {
      ContactRules.QuietHours q = rules.quietHours().get();
      LocalTime local = at.atZone(prefs.timeZone()).toLocalTime();
      if (q.contains(local)) {
        reasons.add(new Reason(Code.QUIET_HOURS, "it is " + local.withNano(0) + " in " + prefs.timeZone()
            + ", quiet from " + q.start() + " to " + q.end()));
      }
    }
    return new ContactDecision(cid, channel, purpose, at, reasons);
  }

  private static long count(List<Interaction> outbound, @Nullable Channel channel, Instant at, Duration window) {
    Instant from = at.minus(window);
    return outbound.stream().filter(i -> i.occurredAt().isAfter(from) && (channel == null || i.channel() == channel))
        .count();
  }

  private static String human(Duration d) {
    return d.toHours() % 24 == 0 ? d.toDays() + " days" : d.toString();
  }
}
