package org.ecrm.core.interact;

import java.time.Instant;
import java.util.List;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Sku;

/**
 * What a campaign send did: one delivery per treatment member, with attempts, errors and the products
 * featured or dropped for stock. Immutable and thread-safe.
 *
 * @param audience the audience sent to
 * @param sentAt when the send started (the start of the attribution window)
 * @param deliveries one per treatment member, in audience order
 */
public record CampaignRun(Audience audience, Instant sentAt, List<Delivery> deliveries) {

  /** Copies the deliveries. */
  public CampaignRun {
    Checks.notNull("CampaignRun.audience", audience);
    Checks.notNull("CampaignRun.sentAt", sentAt);
    deliveries = List.copyOf(Checks.notNull("CampaignRun.deliveries", deliveries));
  }

  /** Deliveries that ended with {@code status}. */
  public long count(MessageChannel.Status status) {
    return deliveries.stream().filter(d -> d.status() == status).count();
  }

  /**
   * One message's fate.
   *
   * @param customerId the recipient
   * @param segment the recipient's segment, {@code ""} if not scored
   * @param channel the channel
   * @param messageId the message id
   * @param status the last attempt's status
   * @param attempts attempts made
   * @param errors the failure of each failed attempt, in order
   * @param products products featured (in stock at send time)
   * @param droppedProducts products left out, as {@code sku: reason}
   */
  public record Delivery(CustomerId customerId, String segment, Channel channel, String messageId,
      MessageChannel.Status status, int attempts, List<String> errors, List<Sku> products,
      List<String> droppedProducts) {
    /** Copies the lists. */
    public Delivery {
      Checks.notNull("CampaignRun.Delivery.customerId", customerId);
      Checks.notNull("CampaignRun.Delivery.segment", segment);
      Checks.notNull("CampaignRun.Delivery.channel", channel);
      messageId = Checks.id("CampaignRun.Delivery.messageId", messageId);
      Checks.notNull("CampaignRun.Delivery.status", status);
      Checks.positive("CampaignRun.Delivery.attempts", attempts);
      errors = List.copyOf(Checks.notNull("CampaignRun.Delivery.errors", errors));
      products = List.copyOf(Checks.notNull("CampaignRun.Delivery.products", products));
      droppedProducts = List.copyOf(Checks.notNull("CampaignRun.Delivery.droppedProducts", droppedProducts));
    }
  }
}
