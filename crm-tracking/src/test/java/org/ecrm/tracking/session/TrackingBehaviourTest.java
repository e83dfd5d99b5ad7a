package org.ecrm.tracking.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecrm.core.Crm;
import org.ecrm.core.interact.Interact;
import org.ecrm.core.interact.Interest;
import org.ecrm.core.interact.Profile;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.ExternalId;
import org.ecrm.tracking.Campaign;
import org.ecrm.tracking.EventType;
import org.ecrm.tracking.IdentityResolver;
import org.ecrm.tracking.TrackingEvent;
import org.junit.jupiter.api.Test;

class TrackingBehaviourTest {
  static final Instant T = Instant.parse("2024-03-01T10:00:00Z");

  static Session session(String visitor, int index, Instant start, String... paths) {
    List<PageView> pages = new java.util.ArrayList<>();
    for (int i = 0; i < paths.length; i++) {
      pages.add(new PageView(paths[i], start.plusSeconds(30L * i), Optional.empty(), Optional.empty()));
    }
    return new Session(visitor, index, start, start.plusSeconds(30L * paths.length), paths.length, paths.length, 0,
        pages, "", Campaign.NONE);
  }

  @Test
  void customerBehaviour_joinsTheirUserIdAndLinkedAnonymousIds_andVisitorsAreRecognised() {
    Crm crm = Crm.builder().discoverStorage(false).build();
    Customer ada = crm.customers().create(Customer.builder().id("ada").name("Ada", "Lovelace")
        .externalId(ExternalId.WEB_USER, "u-42"));
    IdentityResolver ids = IdentityResolver.forCustomers(crm.customers());
    ids.observe(TrackingEvent.builder(EventType.IDENTIFY).messageId("m1").timestamp(T).anonymousId("cookie-1")
        .userId("u-42").build());
    VisitorProfiles profiles = new VisitorProfiles(PathCategories.of(Map.of("/garden", "garden", "/kitchen",
        "kitchen")), 5);
    profiles.accept(session("cookie-1", 0, T.minus(Duration.ofDays(3)), "/garden/seeds", "/kitchen/pots"));
    profiles.accept(session("u-42", 0, T, "/garden/tools", "/garden/hoses"));
    profiles.accept(session("u-42", 1, T.plus(Duration.ofDays(2)), "/garden/seeds"));
    profiles.accept(session("anon-9", 0, T, "/kitchen/pots"));
    TrackingBehaviour behaviour = TrackingBehaviour.of(profiles, ids, crm.customers());

    var b = behaviour.ofCustomer(ada.id()).orElseThrow();
    assertThat(b.interests()).containsExactly(new Interest("garden", 4, Interest.Source.BROWSING),
        new Interest("kitchen", 1, Interest.Source.BROWSING));
    assertThat(b.returnVisits()).isEqualTo(2);
    assertThat(b.lastVisit()).isEqualTo(T.plus(Duration.ofDays(2)).plusSeconds(30));
    assertThat(behaviour.customerOfVisitor("cookie-1")).contains(ada.id());
    assertThat(behaviour.customerOfVisitor("u-42")).contains(ada.id());
    assertThat(behaviour.customerOfVisitor("anon-9")).isEmpty();
    assertThat(behaviour.ofCustomer(CustomerId.of("nobody"))).isEmpty();

    Interact interact = Interact.builder(crm).behaviour(behaviour).build();
    Profile p = interact.profileOfVisitor("cookie-1");
    assertThat(p.recognition()).isEqualTo(Profile.Recognition.RECOGNISED);
    assertThat(p.greeting()).isEqualTo("Welcome back, Ada");
    assertThat(p.topInterests(1)).containsExactly("garden");
    Profile anon = interact.profileOfVisitor("anon-9");
    assertThat(anon.recognition()).isEqualTo(Profile.Recognition.ANONYMOUS);
    assertThat(anon.topInterests(2)).containsExactly("kitchen");
  }
}
