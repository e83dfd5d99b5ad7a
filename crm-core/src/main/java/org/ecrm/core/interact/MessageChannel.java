package org.ecrm.core.interact;

import java.util.List;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Sku;

/**
 * Host SPI: delivers campaign messages on one {@link Channel} (an e-mail gateway, an SMS provider, a
 * push service). A send that returns {@link Status#RETRY} or throws is retried up to the campaign's
 * attempt limit; every attempt and the final outcome are recorded in the {@link CampaignRun}, never
 * dropped. Implementations must be thread-safe. {@link #inMemory(Channel)} records what would be sent.
 */
public interface MessageChannel {

  /** The channel this delivers on. */
  Channel channel();

  /** Sends one message; may throw, which counts as a retryable failure. */
  Result send(Message message);

  /** A channel that records every message instead of sending it. */
  static RecordingChannel inMemory(Channel channel) {
    return new RecordingChannel(channel);
  }

  /** The outcome of one attempt. */
  enum Status {
    /** Accepted for delivery. */
    DELIVERED,
    /** A temporary failure: try again. */
    RETRY,
    /** A permanent failure (bad address, rejected content): do not retry. */
    FAILED,
    /** The address bounced: do not retry, and suppress the customer on this channel. */
    BOUNCED
  }

  /**
   * One message to one customer. Immutable and thread-safe.
   *
   * @param id the message id (unique per campaign and customer)
   * @param campaignId the campaign
   * @param customerId the recipient
   * @param channel the channel
   * @param address the e-mail address or phone number, {@code ""} for channels without one (app, web)
   * @param subject the subject line
   * @param body the personalised body
   * @param products the products featured, all in stock when the message was made
   */
  record Message(String id, String campaignId, CustomerId customerId, Channel channel, String address,
      String subject, String body, List<Sku> products) {
    /** @throws IllegalArgumentException naming the field */
    public Message {
      id = Checks.id("Message.id", id);
      campaignId = Checks.id("Message.campaignId", campaignId);
      Checks.notNull("Message.customerId", customerId);
      Checks.notNull("Message.channel", channel);
      Checks.notNull("Message.address", address);
      subject = Checks.line("Message.subject", subject);
      body = Checks.text("Message.body", body);
      products = List.copyOf(Checks.notNull("Message.products", products));
    }
  }

  /**
   * The result of one attempt.
   *
   * @param status what happened
   * @param detail the provider's message, may be empty
   */
  record Result(Status status, String detail) {
    /** @throws NullPointerException if a field is null */
    public Result {
      Checks.notNull("Result.status", status);
      detail = Checks.line("Result.detail", detail);
    }

    /** Delivered. */
    public static Result delivered() {
      return new Result(Status.DELIVERED, "");
    }
  }
}
