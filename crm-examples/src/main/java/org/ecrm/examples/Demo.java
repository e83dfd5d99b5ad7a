package org.ecrm.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.ecrm.core.Crm;
import org.ecrm.core.IdGenerator;
import org.ecrm.core.model.BuyingRole;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.Direction;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionType;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.LifecycleStage;
import org.ecrm.core.model.Money;
import org.ecrm.core.model.Order;
import org.ecrm.core.model.TimelineEntry;

/**
 * The demo behind the README's first command: the e-CRM life cycle on the in-memory default. Run with
 * {@code mvn -q -pl crm-examples -am install -DskipTests exec:java}.
 */
public final class Demo {
  private Demo() {}

  /** Runs the demo and prints to standard output. */
  public static void main(String[] args) {
    run(System.out);
  }

  /** Runs the demo, printing to {@code out}. */
  public static void run(PrintStream out) {
    Clock clock = Clock.fixed(Instant.parse("2024-06-01T10:00:00Z"), ZoneOffset.UTC);
    Crm crm = Crm.builder().clock(clock).idGenerator(IdGenerator.sequential()).discoverStorage(false)
        .listener(e -> out.println("  event: " + e.getClass().getSimpleName())).build();

    out.println("== Collect: customers, consent, a B2B account");
    Customer ada = crm.customers().create(Customer.builder().name("Ada", "Lovelace")
        .email("ada@example.com").phone("+44 20 7946 0000").externalId("web", "u-ada")
        .stage(LifecycleStage.CUSTOMER).source("demo"));
    Customer bob = crm.customers().create(Customer.builder().name("Bob", "Babbage")
        .email("bob@example.com").stage(LifecycleStage.PROSPECT));
    crm.consents().grant(ada.id(), Channel.EMAIL, "newsletter", LawfulBasis.CONSENT, "signup-form");
    var acme = crm.accounts().create("ACME Engines", "acme.example");
    crm.accounts().addContact(acme.id(), ada.id(), BuyingRole.DECISION_MAKER);
    crm.accounts().addContact(acme.id(), bob.id(), BuyingRole.INFLUENCER);

    out.println("== Purchases, a refund and a complaint");
    var order = crm.orders().place(Order.builder(ada.id()).line("BOOK-1", 2, Money.of("12.50", "EUR"))
        .line("PEN-7", 1, Money.of("3.20", "EUR")).channel(Channel.WEB));
    crm.orders().markPaid(order.id());
    crm.orders().refund(order.id(), Money.of("3.20", "EUR"), "pen arrived broken");
    crm.interactions().record(Interaction.builder(ada.id(), Channel.EMAIL, InteractionType.COMPLAINT)
        .direction(Direction.INBOUND).subject("Broken pen").summary("The pen in order-1 leaked."));
    crm.customers().tag(ada.id(), "vip");

    out.println("== One customer view: " + crm.customers().require(ada.id()).name());
    for (TimelineEntry e : crm.timeline(ada.id())) {
      out.println("  " + e.at() + "  " + describe(e));
    }
    out.println("== Interact: who may get the newsletter by e-mail?");
    crm.customers().stream(org.ecrm.core.CustomerFilter.all()).forEach(c -> out.println("  "
        + c.name() + ": " + (crm.consents().canContact(c.id(), Channel.EMAIL, "newsletter")
            ? "yes" : "no (no consent)")));
    out.println("== ACME's buying centre");
    crm.accounts().require(acme.id()).contacts().forEach(c -> out.println("  "
        + crm.customers().require(c.customerId()).name() + " - " + c.role()));
  }

  private static String describe(TimelineEntry e) {
    if (e instanceof TimelineEntry.OrderPlaced p) {
      return "order " + p.order().id() + " " + p.order().total() + " (" + p.order().status() + ")";
    } else if (e instanceof TimelineEntry.OrderRefunded r) {
      return "refund " + r.refund().amount() + " on " + r.order().id() + ": " + r.refund().reason();
    } else if (e instanceof TimelineEntry.InteractionRecorded i) {
      return i.interaction().type() + " via " + i.interaction().channel() + ": " + i.interaction().subject();
    } else if (e instanceof TimelineEntry.ConsentChanged c) {
      return "consent " + c.consent().purpose() + "/" + c.consent().channel() + " " + c.consent().status();
    }
    return e.toString();
  }
}
