package org.ecrm.core.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ecrm.core.internal.check.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A person the company has a relationship with: a lead, a prospect or a customer. Immutable and
 * thread-safe; change one with {@link #toBuilder()} and {@code Crm.customers().update(...)}.
 *
 * <p>The store keeps e-mail addresses and external identities unique across customers; phone numbers
 * may be shared (a household, a switchboard).
 *
 * @param id the customer's id
 * @param name the customer's name, {@link PersonName#UNKNOWN} if not known
 * @param emails e-mail addresses, the first is the primary one; no duplicates
 * @param phones phone numbers, the first is the primary one; no duplicates
 * @param addresses postal addresses, the first is the primary one
 * @param externalIds identities in other systems (web user id, anonymous id, shop id)
 * @param attributes typed custom attributes by key
 * @param tags free tags (tokens), sorted
 * @param stage the lifecycle stage
 * @param source where the customer came from (a campaign, an import file), may be empty
 * @param createdAt when the customer was created
 * @param updatedAt when the customer was last changed
 * @param version the optimistic-concurrency version: 1 on create, +1 on each update
 */
public record Customer(
    CustomerId id,
    PersonName name,
    List<EmailAddress> emails,
    List<PhoneNumber> phones,
    List<PostalAddress> addresses,
    List<ExternalId> externalIds,
    Map<String, AttributeValue> attributes,
    Set<String> tags,
    LifecycleStage stage,
    String source,
    Instant createdAt,
    Instant updatedAt,
    long version) {

  /**
   * Validates every field.
   *
   * @throws NullPointerException naming the field if one is null
   * @throws IllegalArgumentException naming the field and value if one is invalid
   */
  public Customer {
    Checks.notNull("Customer.id", id);
    Checks.notNull("Customer.name", name);
    emails = Checks.distinctList("Customer.emails", emails);
    phones = Checks.distinctList("Customer.phones", phones);
    addresses = Checks.distinctList("Customer.addresses", addresses);
    externalIds = Checks.distinctList("Customer.externalIds", externalIds);
    attributes = Checks.tokenMap("Customer.attributes", attributes, v -> { });
    tags = Checks.tokens("Customer.tags", tags);
    Checks.notNull("Customer.stage", stage);
    source = Checks.line("Customer.source", source);
    Checks.notNull("Customer.createdAt", createdAt);
    Checks.notNull("Customer.updatedAt", updatedAt);
    if (updatedAt.isBefore(createdAt)) {
      throw Checks.invalid("Customer.updatedAt", "is before createdAt " + createdAt, updatedAt);
    }
    Checks.positive("Customer.version", version);
  }

  /** A builder for a new customer; {@code Crm.customers().create(builder)} assigns id and times. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this customer's values, to make a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The first e-mail address, if any. */
  public Optional<EmailAddress> primaryEmail() {
    return emails.stream().findFirst();
  }

  /** The first phone number, if any. */
  public Optional<PhoneNumber> primaryPhone() {
    return phones.stream().findFirst();
  }

  /** The id in {@code system}, if the customer has one there. */
  public Optional<ExternalId> externalId(String system) {
    return externalIds.stream().filter(e -> e.system().equals(system)).findFirst();
  }

  /** Whether the customer carries {@code tag}. */
  public boolean hasTag(String tag) {
    return tags.contains(tag);
  }

  /**
   * Collects the values of a {@link Customer}. Not thread-safe. Setters that add ({@code email},
   * {@code tag}, ...) append; setters that replace ({@code emails}, {@code tags}, ...) replace.
   */
  public static final class Builder {
    private @Nullable CustomerId id;
    private PersonName name = PersonName.UNKNOWN;
    // Collections start as the customer's (or empty) immutable values and become private mutable
    // copies on the first change: a builder for a new customer, or a copy, allocates only what changes.
    private List<EmailAddress> emails = List.of();
    private List<PhoneNumber> phones = List.of();
    private List<PostalAddress> addresses = List.of();
    private List<ExternalId> externalIds = List.of();
    private Map<String, AttributeValue> attributes = Map.of();
    private Set<String> tags = Set.of();
    /** Which of the collections are this builder's own mutable copies (bits: see {@link #own}). */
    private int owned;
    private LifecycleStage stage = LifecycleStage.LEAD;
    private String source = "";
    private @Nullable Instant createdAt;
    private @Nullable Instant updatedAt;
    private long version = 1;

    private Builder() {}

    private Builder(Customer c) {
      id = c.id;
      name = c.name;
      emails = c.emails; // the record's values are immutable: shared until changed
      phones = c.phones;
      addresses = c.addresses;
      externalIds = c.externalIds;
      attributes = c.attributes;
      tags = c.tags;
      stage = c.stage;
      source = c.source;
      createdAt = c.createdAt;
      updatedAt = c.updatedAt;
      version = c.version;
    }

    /** An independent copy of this builder. */
    public Builder copy() {
      Builder b = new Builder();
      b.id = id;
      b.name = name;
      b.emails = owned(EMAILS) ? new ArrayList<>(emails) : emails;
      b.phones = owned(PHONES) ? new ArrayList<>(phones) : phones;
      b.addresses = owned(ADDRESSES) ? new ArrayList<>(addresses) : addresses;
      b.externalIds = owned(EXTERNAL_IDS) ? new ArrayList<>(externalIds) : externalIds;
      b.attributes = owned(ATTRIBUTES) ? new LinkedHashMap<>(attributes) : attributes;
      b.tags = owned(TAGS) ? new TreeSet<>(tags) : tags;
      b.owned = owned;
      b.stage = stage;
      b.source = source;
      b.createdAt = createdAt;
      b.updatedAt = updatedAt;
      b.version = version;
      return b;
    }

    private static final int EMAILS = 1;
    private static final int PHONES = 2;
    private static final int ADDRESSES = 4;
    private static final int EXTERNAL_IDS = 8;
    private static final int ATTRIBUTES = 16;
    private static final int TAGS = 32;

    private boolean owned(int bit) {
      return (owned & bit) != 0;
    }

    /** Marks a collection as this builder's own; true if it was shared and must be copied now. */
    private boolean own(int bit) {
      boolean shared = (owned & bit) == 0;
      owned |= bit;
      return shared;
    }

    private List<EmailAddress> emails() {
      if (own(EMAILS)) {
        emails = emails.isEmpty() ? new ArrayList<>(4) : new ArrayList<>(emails);
      }
      return emails;
    }

    private List<PhoneNumber> phones() {
      if (own(PHONES)) {
        phones = phones.isEmpty() ? new ArrayList<>(4) : new ArrayList<>(phones);
      }
      return phones;
    }

    private List<PostalAddress> addresses() {
      if (own(ADDRESSES)) {
        addresses = addresses.isEmpty() ? new ArrayList<>(4) : new ArrayList<>(addresses);
      }
      return addresses;
    }

    private List<ExternalId> externalIds() {
      if (own(EXTERNAL_IDS)) {
        externalIds = externalIds.isEmpty() ? new ArrayList<>(4) : new ArrayList<>(externalIds);
      }
      return externalIds;
    }

    private Map<String, AttributeValue> attributes() {
      if (own(ATTRIBUTES)) {
        attributes = new LinkedHashMap<>(attributes);
      }
      return attributes;
    }

    private Set<String> tags() {
      if (own(TAGS)) {
        tags = new TreeSet<>(tags);
      }
      return tags;
    }

    /** The id set so far, if any. */
    public Optional<CustomerId> id() {
      return Optional.ofNullable(id);
    }

    /** Sets the id (otherwise the facade's id generator assigns one). */
    public Builder id(CustomerId id) {
      this.id = Checks.notNull("Customer.id", id);
      return this;
    }

    /** Sets the id. */
    public Builder id(String id) {
      return id(CustomerId.of(id));
    }

    /** Sets the name. */
    public Builder name(PersonName name) {
      this.name = Checks.notNull("Customer.name", name);
      return this;
    }

    /** Sets the name. */
    public Builder name(String given, String family) {
      return name(PersonName.of(given, family));
    }

    /** Adds an e-mail address (parsed and validated now). */
    public Builder email(String email) {
      return email(EmailAddress.of(email));
    }

    /** Adds an e-mail address. */
    public Builder email(EmailAddress email) {
      emails().add(Checks.notNull("Customer.emails", email));
      return this;
    }

    /** Replaces all e-mail addresses. */
    public Builder emails(Collection<EmailAddress> values) {
      emails().clear();
      values.forEach(this::email);
      return this;
    }

    /** Adds a phone number (parsed and validated now). */
    public Builder phone(String phone) {
      return phone(PhoneNumber.parse(phone));
    }

    /** Adds a phone number. */
    public Builder phone(PhoneNumber phone) {
      phones().add(Checks.notNull("Customer.phones", phone));
      return this;
    }

    /** Replaces all phone numbers. */
    public Builder phones(Collection<PhoneNumber> values) {
      phones().clear();
      values.forEach(this::phone);
      return this;
    }

    /** Adds a postal address. */
    public Builder address(PostalAddress address) {
      addresses().add(Checks.notNull("Customer.addresses", address));
      return this;
    }

    /** Replaces all postal addresses. */
    public Builder addresses(Collection<PostalAddress> values) {
      addresses().clear();
      values.forEach(this::address);
      return this;
    }

    /** Adds an external identity. */
    public Builder externalId(String system, String id) {
      return externalId(ExternalId.of(system, id));
    }

    /** Adds an external identity. */
    public Builder externalId(ExternalId externalId) {
      externalIds().add(Checks.notNull("Customer.externalIds", externalId));
      return this;
    }

    /** Replaces all external identities. */
    public Builder externalIds(Collection<ExternalId> values) {
      externalIds().clear();
      values.forEach(this::externalId);
      return this;
    }

    /** Sets an attribute. */
    public Builder attribute(String key, AttributeValue value) {
      attributes().put(Checks.token("Customer.attributes key", key),
          Checks.notNull("Customer.attributes[" + key + "]", value));
      return this;
    }

    /** Removes an attribute. */
    public Builder removeAttribute(String key) {
      attributes().remove(key);
      return this;
    }

    /** Replaces all attributes. */
    public Builder attributes(Map<String, AttributeValue> values) {
      attributes().clear();
      values.forEach(this::attribute);
      return this;
    }

    /** Adds tags. */
    public Builder tag(String... values) {
      for (String t : values) {
        tags().add(Checks.token("Customer.tags", t));
      }
      return this;
    }

    /** Removes tags. */
    public Builder untag(String... values) {
      for (String t : values) {
        tags().remove(t);
      }
      return this;
    }

    /** Replaces all tags. */
    public Builder tags(Collection<String> values) {
      tags().clear();
      values.forEach(this::tag);
      return this;
    }

    /** Sets the lifecycle stage (default {@link LifecycleStage#LEAD}). */
    public Builder stage(LifecycleStage stage) {
      this.stage = Checks.notNull("Customer.stage", stage);
      return this;
    }

    /** Sets where the customer came from. */
    public Builder source(String source) {
      this.source = Checks.line("Customer.source", source);
      return this;
    }

    /** Sets the creation instant (the facade sets it from its clock on create). */
    public Builder createdAt(Instant createdAt) {
      this.createdAt = Checks.notNull("Customer.createdAt", createdAt);
      return this;
    }

    /** Sets the last-change instant (the facade sets it from its clock on create and update). */
    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = Checks.notNull("Customer.updatedAt", updatedAt);
      return this;
    }

    /** Sets the version (the facade manages it). */
    public Builder version(long version) {
      this.version = Checks.positive("Customer.version", version);
      return this;
    }

    /**
     * Builds the customer.
     *
     * @throws NullPointerException if the id or the instants are not set
     * @throws IllegalArgumentException naming the field if a value is invalid
     */
    public Customer build() {
      return new Customer(Checks.notNull("Customer.id", id), name, emails, phones, addresses,
          externalIds, attributes, tags, stage, source, Checks.notNull("Customer.createdAt", createdAt),
          Checks.notNull("Customer.updatedAt", updatedAt), version);
    }
  }
}
