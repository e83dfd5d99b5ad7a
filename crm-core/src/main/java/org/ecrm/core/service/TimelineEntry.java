package org.ecrm.core.service;

import java.time.Instant;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.AuditRecord;
import org.ecrm.core.model.ConsentRecord;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.Preferences;
import org.ecrm.core.model.Refund;

/**
 * One item of a customer's timeline: the single customer view that merges orders, refunds,
 * interactions and consent changes in time order. Immutable and thread-safe.
 */
public sealed interface TimelineEntry {

  /** When the item happened; the timeline is sorted by it. */
  Instant at();

  /** An order placed. @param order the order as it is now */
  record OrderPlaced(Order order) implements TimelineEntry {
    /** @throws NullPointerException if the order is null */
    public OrderPlaced {
      Checks.notNull("TimelineEntry.OrderPlaced.order", order);
    }

    @Override
    public Instant at() {
      return order.placedAt();
    }
  }

  /** A refund on an order. @param order the order @param refund the refund */
  record OrderRefunded(Order order, Refund refund) implements TimelineEntry {
    /** @throws NullPointerException if a field is null */
    public OrderRefunded {
      Checks.notNull("TimelineEntry.OrderRefunded.order", order);
      Checks.notNull("TimelineEntry.OrderRefunded.refund", refund);
    }

    @Override
    public Instant at() {
      return refund.refundedAt();
    }
  }

  /** An interaction. @param interaction the interaction */
  record InteractionRecorded(Interaction interaction) implements TimelineEntry {
    /** @throws NullPointerException if the interaction is null */
    public InteractionRecorded {
      Checks.notNull("TimelineEntry.InteractionRecorded.interaction", interaction);
    }

    @Override
    public Instant at() {
      return interaction.occurredAt();
    }
  }

  /** A consent change. @param consent the change */
  record ConsentChanged(ConsentRecord consent) implements TimelineEntry {
    /** @throws NullPointerException if the record is null */
    public ConsentChanged {
      Checks.notNull("TimelineEntry.ConsentChanged.consent", consent);
    }

    @Override
    public Instant at() {
      return consent.recordedAt();
    }
  }

  /**
   * Another customer was merged into this one; the record says who did it and what came from where.
   *
   * @param merge the audit record of the merge (action {@code "merge"})
   */
  record CustomerMerged(AuditRecord merge) implements TimelineEntry {
    /** @throws NullPointerException if the record is null */
    public CustomerMerged {
      Checks.notNull("TimelineEntry.CustomerMerged.merge", merge);
    }

    @Override
    public Instant at() {
      return merge.at();
    }
  }

  /** The customer changed preferences. @param preferences the new state */
  record PreferencesChanged(Preferences preferences) implements TimelineEntry {
    /** @throws NullPointerException if the preferences are null */
    public PreferencesChanged {
      Checks.notNull("TimelineEntry.PreferencesChanged.preferences", preferences);
    }

    @Override
    public Instant at() {
      return preferences.updatedAt();
    }
  }

  /** The customer answered a questionnaire. @param response the response */
  record QuestionnaireAnswered(org.ecrm.core.survey.Response response) implements TimelineEntry {
    /** @throws NullPointerException if the response is null */
    public QuestionnaireAnswered {
      Checks.notNull("TimelineEntry.QuestionnaireAnswered.response", response);
    }

    @Override
    public Instant at() {
      return response.answeredAt();
    }
  }
}
