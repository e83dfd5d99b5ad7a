package org.ecrm.core.interact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.ContactFrequency;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.PersonName;
import org.ecrm.core.model.Sku;
import org.junit.jupiter.api.Test;

class ProfileTest {
  private final Fixture f = new Fixture();

  private final BehaviourLookup tracking = new BehaviourLookup() {
    @Override
    public Optional<Behaviour> ofCustomer(CustomerId id) {
      return id.value().equals("ada") ? Optional.of(new Behaviour(List.of(new Interest("garden", 7,
          Interest.Source.BROWSING)), Instant.parse("2024-03-03T18:00:00Z"), 4)) : Optional.empty();
    }

    @Override
    public Optional<Behaviour> ofVisitor(String visitorId) {
      return visitorId.equals("anon-1") ? Optional.of(new Behaviour(List.of(new Interest("kitchen", 3,
          Interest.Source.BROWSING)), Instant.parse("2024-03-02T09:00:00Z"), 1)) : Optional.empty();
    }

    @Override
    public Optional<CustomerId> customerOfVisitor(String visitorId) {
      return visitorId.equals("user-ada") ? Optional.of(CustomerId.of("ada")) : Optional.empty();
    }
  };

  @Test
  void recognisedCustomer_hasNameSegmentInterestsPreferencesVisitsAndConsent() {
    f.customer("ada", "Ada");
    f.crm.products().create(Sku.of("SEED-1"), "Tomato seeds", "garden", Money.of("2.50", "GBP"));
    f.crm.products().create(Sku.of("POT-1"), "Clay pot", "garden", Money.of("2.50", "GBP"));
    f.order("ada", Fixture.START.minusSeconds(86_400), "SEED-1", "POT-1");
    f.crm.preferences().update(CustomerId.of("ada"), p -> p.withChannels(List.of(Channel.SMS, Channel.EMAIL))
        .withLocale("en-GB", ZoneId.of("Europe/London")).withFrequency(ContactFrequency.WEEKLY), "form");
    f.segments.put("ada", "Champions", "HIGH_VALUE", "REPEAT");
    Interact ix = f.builder().behaviour(tracking).build();

    Profile p = ix.profile(CustomerId.of("ada"));

    assertThat(p.recognition()).isEqualTo(Profile.Recognition.RECOGNISED);
    assertThat(p.greeting()).isEqualTo("Welcome back, Ada");
    assertThat(p.segment()).contains("Champions");
    assertThat(p.classes()).containsExactlyInAnyOrder("HIGH_VALUE", "REPEAT");
    assertThat(p.interests()).containsExactly(new Interest("garden", 7, Interest.Source.BROWSING),
        new Interest("garden", 2, Interest.Source.PURCHASES));
    assertThat(p.topInterests(3)).containsExactly("garden");
    assertThat(p.preferredChannel()).contains(Channel.SMS);
    assertThat(p.language()).isEqualTo("en-GB");
    assertThat(p.timeZone()).isEqualTo(ZoneId.of("Europe/London"));
    assertThat(p.lastVisit()).contains(Instant.parse("2024-03-03T18:00:00Z"));
    assertThat(p.returnVisits()).isEqualTo(4);
    assertThat(p.consents()).isEqualTo(Map.of("newsletter", Set.of(Channel.EMAIL, Channel.SMS)));
    assertThat(p.consents("newsletter", Channel.EMAIL)).isTrue();
    assertThat(p.owned()).containsExactlyInAnyOrder(Sku.of("SEED-1"), Sku.of("POT-1"));
  }

  @Test
  void visitor_isRecognisedThroughTracking_orAnonymousWithItsBrowsing() {
    f.customer("ada", "Ada");
    Interact ix = f.builder().behaviour(tracking).build();

    Profile known = ix.profileOfVisitor("user-ada");
    assertThat(known.recognition()).isEqualTo(Profile.Recognition.RECOGNISED);
    assertThat(known.visitorId()).isEqualTo("user-ada");
    assertThat(known.customerId()).contains(CustomerId.of("ada"));

    Profile anon = ix.profileOfVisitor("anon-1");
    assertThat(anon.recognition()).isEqualTo(Profile.Recognition.ANONYMOUS);
    assertThat(anon.greeting()).isEqualTo("Welcome");
    assertThat(anon.customerId()).isEmpty();
    assertThat(anon.topInterests(5)).containsExactly("kitchen");
    assertThat(anon.returnVisits()).isEqualTo(1);

    Profile never = ix.profileOfVisitor("anon-2");
    assertThat(never.recognition()).isEqualTo(Profile.Recognition.ANONYMOUS);
    assertThat(never.interests()).isEmpty();
    assertThat(never.lastVisit()).isEmpty();
  }

  @Test
  void erasedCustomer_showsNothingPersonal_andCustomerWithoutNameIsGreetedPlainly() {
    f.customer("ada", "Ada");
    f.crm.customers().create(org.ecrm.core.model.Customer.builder().id("nameless").name(PersonName.UNKNOWN));
    Interact ix = f.builder().build();
    assertThat(ix.profile(CustomerId.of("ada")).displayName()).isEqualTo("Ada");

    f.crm.privacy().erase(CustomerId.of("ada"));

    Profile erased = ix.profile(CustomerId.of("ada"));
    assertThat(erased.recognition()).isEqualTo(Profile.Recognition.ERASED);
    assertThat(erased.displayName()).isEmpty();
    assertThat(erased.greeting()).isEqualTo("Welcome");
    assertThat(erased.consents()).isEmpty();
    assertThat(ix.suppressions().of(CustomerId.of("ada"))).singleElement()
        .satisfies(s -> assertThat(s.reason()).isEqualTo(SuppressionList.Reason.ERASED));
    assertThat(ix.profile(CustomerId.of("nameless")).greeting()).isEqualTo("Welcome");
  }

  @Test
  void unknownCustomer_isNotFound() {
    Interact ix = f.builder().build();
    assertThatThrownBy(() -> ix.profile(CustomerId.of("ghost"))).isInstanceOf(NotFoundException.class)
        .hasMessageContaining("ghost");
  }

  @Test
  void cachedProfile_isServedUntilADomainEventInvalidatesIt() {
    f.customer("ada", "Ada");
    Interact ix = f.builder().build();
    Profile first = ix.profile(CustomerId.of("ada"));
    assertThat(ix.profile(CustomerId.of("ada"))).isSameAs(first);

    f.crm.customers().modify(CustomerId.of("ada"), b -> b.name("Augusta", "King"));
    assertThat(ix.profile(CustomerId.of("ada")).displayName()).isEqualTo("Augusta");

    f.crm.consents().withdraw(CustomerId.of("ada"), Channel.SMS, "newsletter", "unsubscribe");
    assertThat(ix.profile(CustomerId.of("ada")).consents()).isEqualTo(Map.of("newsletter", Set.of(Channel.EMAIL)));

    f.crm.preferences().update(CustomerId.of("ada"), p -> p.withLocale("fr-FR", ZoneId.of("Europe/Paris")), "form");
    assertThat(ix.profile(CustomerId.of("ada")).language()).isEqualTo("fr-FR");

    f.order("ada", Fixture.START, "X-1");
    assertThat(ix.profile(CustomerId.of("ada")).owned()).containsExactly(Sku.of("X-1"));
  }

  @Test
  void segmentRefresh_isSeenAfterAnExplicitInvalidate() {
    f.customer("ada", "Ada");
    f.segments.put("ada", "At Risk");
    Interact ix = f.builder().build();
    assertThat(ix.profile(CustomerId.of("ada")).segment()).contains("At Risk");

    f.segments.put("ada", "Champions");
    assertThat(ix.profile(CustomerId.of("ada")).segment()).contains("At Risk");
    ix.invalidate(CustomerId.of("ada"));
    assertThat(ix.profile(CustomerId.of("ada")).segment()).contains("Champions");

    f.segments.put("ada", "Hibernating");
    ix.invalidateAll();
    assertThat(ix.profile(CustomerId.of("ada")).segment()).contains("Hibernating");
  }

  @Test
  void profileRecord_rejectsANameOnAnAnonymousProfile() {
    assertThatThrownBy(() -> new Profile("v", Optional.empty(), Profile.Recognition.ANONYMOUS, "Ada",
        Optional.empty(), Set.of(), Optional.empty(), List.of(), List.of(), "", ZoneId.of("UTC"),
        ContactFrequency.UNSPECIFIED, Optional.empty(), 0, Map.of(), Set.of(), Fixture.START))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Profile.displayName:");
    assertThatThrownBy(() -> new Interest("garden", 0, Interest.Source.BROWSING))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Interest.weight");
  }
}
