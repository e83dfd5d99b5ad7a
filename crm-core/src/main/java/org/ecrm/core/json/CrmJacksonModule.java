package org.ecrm.core.json;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.ecrm.core.event.CrmEvent;
import org.ecrm.core.model.AccountId;
import org.ecrm.core.model.AttributeValue;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.EmailAddress;
import org.ecrm.core.model.InteractionId;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.OrderId;
import org.ecrm.core.model.PhoneNumber;
import org.ecrm.core.model.RefundId;
import org.ecrm.core.model.Sku;
import org.ecrm.core.service.TimelineEntry;
import org.ecrm.core.survey.Answer;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.Version;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson 3 support for every crm-core domain type, so that records, exports and events round-trip
 * exactly. Register it with {@code JsonMapper.builder().addModule(new CrmJacksonModule())}, or let
 * {@code findAndAddModules()} find it through {@link java.util.ServiceLoader}.
 *
 * <p>Formats: ids, {@link EmailAddress} and {@link Sku} as JSON strings; {@link PhoneNumber} as its
 * canonical string ({@code "+49301234567"}); {@link Money} as {@code {"amount":"12.50","currency":"EUR"}}
 * (the amount a string so no precision is lost); {@link AttributeValue} as
 * {@code {"type":"text|number|flag|date|timestamp","value":...}}; instants and dates as ISO-8601
 * strings; records as objects of their components. Ids are also map keys. The sealed {@link CrmEvent}
 * and {@link TimelineEntry} hierarchies carry their kind in a {@code "kind"} property
 * ({@code "CustomerCreated"}, {@code "OrderRefunded"}, ...), so events and timelines round-trip too.
 *
 * <p>Immutable and thread-safe, like the mappers it configures.
 */
public final class CrmJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the module.
   *
   * @throws IllegalStateException when the jackson-annotations on the class or module path is older than
   *     jackson-databind 3.2 needs (2.22), naming the version found and the fix
   */
  public CrmJacksonModule() {
    super("ecrm-core", Version.unknownVersion());
    org.ecrm.core.internal.check.JacksonCheck.requireDatabind("CrmJacksonModule");
    stringValue(CustomerId.class, CustomerId::value, CustomerId::of);
    stringValue(AccountId.class, AccountId::value, AccountId::of);
    stringValue(OrderId.class, OrderId::value, OrderId::of);
    stringValue(InteractionId.class, InteractionId::value, InteractionId::of);
    stringValue(RefundId.class, RefundId::value, RefundId::of);
    stringValue(Sku.class, Sku::value, Sku::of);
    stringValue(EmailAddress.class, EmailAddress::value, EmailAddress::of);
    stringValue(PhoneNumber.class, PhoneNumber::canonical, PhoneNumber::parse);
    addSerializer(Money.class, new MoneySerializer());
    addDeserializer(Money.class, new MoneyDeserializer());
    addSerializer(AttributeValue.class, new AttributeSerializer());
    addDeserializer(AttributeValue.class, new AttributeDeserializer());
    setMixInAnnotation(CrmEvent.class, CrmEventMixIn.class);
    setMixInAnnotation(TimelineEntry.class, TimelineEntryMixIn.class);
    setMixInAnnotation(Answer.class, AnswerMixIn.class);
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
  @JsonSubTypes({
      @JsonSubTypes.Type(CrmEvent.CustomerCreated.class),
      @JsonSubTypes.Type(CrmEvent.CustomerUpdated.class),
      @JsonSubTypes.Type(CrmEvent.CustomerMerged.class),
      @JsonSubTypes.Type(CrmEvent.CustomerErased.class),
      @JsonSubTypes.Type(CrmEvent.PreferencesChanged.class),
      @JsonSubTypes.Type(CrmEvent.AccountCreated.class),
      @JsonSubTypes.Type(CrmEvent.AccountUpdated.class),
      @JsonSubTypes.Type(CrmEvent.ProductCreated.class),
      @JsonSubTypes.Type(CrmEvent.ProductUpdated.class),
      @JsonSubTypes.Type(CrmEvent.OrderPlaced.class),
      @JsonSubTypes.Type(CrmEvent.OrderCancelled.class),
      @JsonSubTypes.Type(CrmEvent.OrderPaid.class),
      @JsonSubTypes.Type(CrmEvent.OrderRefunded.class),
      @JsonSubTypes.Type(CrmEvent.InteractionRecorded.class),
      @JsonSubTypes.Type(CrmEvent.ConsentChanged.class)})
  private interface CrmEventMixIn { }

  @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
  @JsonSubTypes({
      @JsonSubTypes.Type(Answer.Choice.class),
      @JsonSubTypes.Type(Answer.Choices.class),
      @JsonSubTypes.Type(Answer.Scale.class),
      @JsonSubTypes.Type(Answer.Numeric.class),
      @JsonSubTypes.Type(Answer.Text.class),
      @JsonSubTypes.Type(Answer.YesNo.class)})
  private interface AnswerMixIn { }

  @JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, property = "kind")
  @JsonSubTypes({
      @JsonSubTypes.Type(TimelineEntry.OrderPlaced.class),
      @JsonSubTypes.Type(TimelineEntry.OrderRefunded.class),
      @JsonSubTypes.Type(TimelineEntry.InteractionRecorded.class),
      @JsonSubTypes.Type(TimelineEntry.ConsentChanged.class),
      @JsonSubTypes.Type(TimelineEntry.CustomerMerged.class),
      @JsonSubTypes.Type(TimelineEntry.PreferencesChanged.class),
      @JsonSubTypes.Type(TimelineEntry.QuestionnaireAnswered.class)})
  private interface TimelineEntryMixIn { }

  private <T> void stringValue(Class<T> type, Function<T, String> write, Function<String, T> read) {
    addSerializer(type, new StringSerializer<>(write));
    addKeySerializer(type, new StringKeySerializer<>(write));
    addDeserializer(type, new StringDeserializer<>(type, read));
    addKeyDeserializer(type, new KeyDeserializer() {
      @Override
      public Object deserializeKey(String key, DeserializationContext ctxt) {
        try {
          return read.apply(key);
        } catch (IllegalArgumentException e) {
          return ctxt.handleWeirdKey(type, key, e.getMessage());
        }
      }
    });
  }

  private static final class StringSerializer<T> extends ValueSerializer<T> {
    private final Function<T, String> write;

    StringSerializer(Function<T, String> write) {
      this.write = write;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
      gen.writeString(write.apply(value));
    }
  }

  private static final class StringKeySerializer<T> extends ValueSerializer<T> {
    private final Function<T, String> write;

    StringKeySerializer(Function<T, String> write) {
      this.write = write;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializationContext ctxt) {
      gen.writeName(write.apply(value));
    }
  }

  private static final class StringDeserializer<T> extends ValueDeserializer<T> {
    private final Class<T> type;
    private final Function<String, T> read;

    StringDeserializer(Class<T> type, Function<String, T> read) {
      this.type = type;
      this.read = read;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return ctxt.reportInputMismatch(type, "%s must be a JSON string, not %s",
            type.getSimpleName(), p.currentToken());
      }
      String text = p.getString();
      try {
        return read.apply(text);
      } catch (IllegalArgumentException e) {
        return ctxt.reportInputMismatch(type, "%s", e.getMessage());
      }
    }
  }

  private static final class MoneySerializer extends ValueSerializer<Money> {
    @Override
    public void serialize(Money value, JsonGenerator gen, SerializationContext ctxt) {
      gen.writeStartObject();
      gen.writeStringProperty("amount", value.amount().toPlainString());
      gen.writeStringProperty("currency", value.currency().getCurrencyCode());
      gen.writeEndObject();
    }
  }

  private static final class MoneyDeserializer extends ValueDeserializer<Money> {
    @Override
    public Money deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonNode node = ctxt.readTree(p);
      JsonNode amount = node.get("amount");
      JsonNode currency = node.get("currency");
      if (!node.isObject() || amount == null || currency == null || !currency.isString()
          || !(amount.isString() || amount.isNumber())) {
        return ctxt.reportInputMismatch(Money.class,
            "Money must be {\"amount\":\"12.50\",\"currency\":\"EUR\"}, not %s", node);
      }
      try {
        BigDecimal value = amount.isNumber() ? amount.decimalValue() : new BigDecimal(amount.stringValue());
        return Money.of(value, currency.stringValue());
      } catch (IllegalArgumentException e) {
        return ctxt.reportInputMismatch(Money.class, "%s", e.getMessage());
      }
    }
  }

  private static final class AttributeSerializer extends ValueSerializer<AttributeValue> {
    @Override
    public void serialize(AttributeValue value, JsonGenerator gen, SerializationContext ctxt) {
      gen.writeStartObject();
      if (value instanceof AttributeValue.Text t) {
        gen.writeStringProperty("type", "text");
        gen.writeStringProperty("value", t.value());
      } else if (value instanceof AttributeValue.Number n) {
        gen.writeStringProperty("type", "number");
        gen.writeStringProperty("value", n.value().toString());
      } else if (value instanceof AttributeValue.Flag f) {
        gen.writeStringProperty("type", "flag");
        gen.writeBooleanProperty("value", f.value());
      } else if (value instanceof AttributeValue.Date d) {
        gen.writeStringProperty("type", "date");
        gen.writeStringProperty("value", d.value().toString());
      } else if (value instanceof AttributeValue.Timestamp ts) {
        gen.writeStringProperty("type", "timestamp");
        gen.writeStringProperty("value", ts.value().toString());
      }
      gen.writeEndObject();
    }
  }

  private static final class AttributeDeserializer extends ValueDeserializer<AttributeValue> {
    @Override
    public AttributeValue deserialize(JsonParser p, DeserializationContext ctxt) {
      JsonNode node = ctxt.readTree(p);
      JsonNode type = node.get("type");
      JsonNode value = node.get("value");
      if (!node.isObject() || type == null || !type.isString() || value == null) {
        return ctxt.reportInputMismatch(AttributeValue.class,
            "AttributeValue must be {\"type\":...,\"value\":...}, not %s", node);
      }
      try {
        switch (type.stringValue()) {
          case "text":
            return new AttributeValue.Text(string(value));
          case "number":
            return new AttributeValue.Number(value.isNumber() ? value.decimalValue()
                : new BigDecimal(string(value)));
          case "flag":
            if (!value.isBoolean()) {
              throw new IllegalArgumentException("AttributeValue.Flag.value must be true or false");
            }
            return new AttributeValue.Flag(value.booleanValue());
          case "date":
            return new AttributeValue.Date(LocalDate.parse(string(value)));
          case "timestamp":
            return new AttributeValue.Timestamp(Instant.parse(string(value)));
          default:
            throw new IllegalArgumentException("unknown AttributeValue type '" + type.stringValue()
                + "' (text, number, flag, date or timestamp)");
        }
      } catch (IllegalArgumentException | DateTimeParseException e) {
        return ctxt.reportInputMismatch(AttributeValue.class, "%s in %s", e.getMessage(), node);
      }
    }

    private static String string(JsonNode value) {
      if (!value.isString()) {
        throw new IllegalArgumentException("AttributeValue.value must be a string here");
      }
      return value.stringValue();
    }
  }
}
