package org.ecrm.core.interact;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.CustomerId;

/**
 * The default {@link MessageChannel}: records what would be sent. Failures can be scripted (for tests
 * and demos) per customer or for the next attempts. Thread-safe (synchronized).
 */
public final class RecordingChannel implements MessageChannel {
  private final Channel channel;
  private final List<Message> delivered = new ArrayList<>();
  private final List<Message> attempts = new ArrayList<>();
  private final Deque<Result> scripted = new ArrayDeque<>();
  private final java.util.Map<CustomerId, Result> perCustomer = new java.util.HashMap<>();

  RecordingChannel(Channel channel) {
    this.channel = Checks.notNull("RecordingChannel.channel", channel);
  }

  @Override
  public Channel channel() {
    return channel;
  }

  @Override
  public synchronized Result send(Message message) {
    Checks.notNull("RecordingChannel.message", message);
    if (message.channel() != channel) {
      throw Checks.invalid("Message.channel", "this channel delivers on " + channel, message.channel());
    }
    attempts.add(message);
    Result r = scripted.pollFirst();
    if (r == null) {
      r = perCustomer.getOrDefault(message.customerId(), Result.delivered());
    }
    if (r.status() == Status.DELIVERED) {
      delivered.add(message);
    }
    return r;
  }

  /** The next {@code times} attempts (on any customer) return {@code result}. */
  public synchronized RecordingChannel failNext(int times, Result result) {
    Checks.positive("RecordingChannel.times", times);
    Checks.notNull("RecordingChannel.result", result);
    for (int i = 0; i < times; i++) {
      scripted.addLast(result);
    }
    return this;
  }

  /** Every attempt to {@code customerId} returns {@code result} (e.g. a bouncing address). */
  public synchronized RecordingChannel always(CustomerId customerId, Result result) {
    perCustomer.put(Checks.notNull("RecordingChannel.customerId", customerId),
        Checks.notNull("RecordingChannel.result", result));
    return this;
  }

  /** The messages accepted, in order. */
  public synchronized List<Message> delivered() {
    return List.copyOf(delivered);
  }

  /** Every attempt, including failed ones, in order. */
  public synchronized List<Message> attempts() {
    return List.copyOf(attempts);
  }

  @Override
  public String toString() {
    return "RecordingChannel[" + channel + "]";
  }
}
