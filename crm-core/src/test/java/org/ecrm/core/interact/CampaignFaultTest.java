package org.ecrm.core.interact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ecrm.core.Crm;
import org.ecrm.core.memory.MemoryStorage;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.InteractionId;
import org.ecrm.core.model.LawfulBasis;
import org.ecrm.core.model.StoreException;
import org.ecrm.core.spi.Storage;
import org.ecrm.core.testkit.FaultyStorage;
import org.junit.jupiter.api.Test;

/**
 * A campaign send on a storage that throws at random store calls: a failed send either sent nothing
 * (the failure came while planning) or keeps its run and records the missing interactions when sent
 * again; no message goes out twice and every delivered message ends with exactly one interaction.
 */
class CampaignFaultTest {

  @Test
  void aSendBrokenByTheStorageNeverSendsTwiceAndEndsWithOneInteractionPerMessage() {
    int failedSends = 0;
    int failedWhileRecording = 0;
    long injected = 0;
    for (long seed = 1; seed <= 6; seed++) {
      FaultyStorage faulty = new FaultyStorage(MemoryStorage.create(), seed, 0.004);
      faulty.off();
      Crm crm = Crm.builder().storage(faulty.storage())
          .clock(java.time.Clock.fixed(Fixture.START, java.time.ZoneOffset.UTC)).build();
      Fixture.MapSegments segments = new Fixture.MapSegments();
      for (int i = 0; i < 30; i++) {
        Customer c = crm.customers().create(Customer.builder().id("c" + i).name("C" + i, "Test")
            .email("c" + i + "@example.com"));
        crm.consents().grant(c.id(), Channel.EMAIL, "newsletter", LawfulBasis.CONSENT, "test");
        segments.put("c" + i, "Champions", "HIGH_VALUE");
      }
      RecordingChannel email = MessageChannel.inMemory(Channel.EMAIL);
      Interact ix = Interact.builder(crm).segments(segments).inventory(InventoryGateway.inMemory()).channel(email)
          .build();
      CampaignSpec spec = CampaignSpec.builder("spring", "newsletter").segments("Champions").channels(Channel.EMAIL)
          .subject("Hello {name}").body("Hi").build();
      faulty.on();
      CampaignRun run = null;
      for (int attempt = 0; attempt < 100 && run == null; attempt++) {
        try {
          run = ix.send(spec);
        } catch (StoreException e) {
          failedSends++;
          if (e.getMessage().contains("its messages were sent")) {
            failedWhileRecording++;
          }
          assertThat(e.getMessage()).satisfiesAnyOf(
              m -> assertThat(m).startsWith("send campaign spring failed: its messages were sent"),
              m -> assertThat(m).contains("injected fault"));
        }
      }
      injected += faulty.injected();
      faulty.off();
      assertThat(run).isNotNull();
      List<MessageChannel.Message> sent = email.delivered();
      Map<String, Integer> times = new HashMap<>();
      sent.forEach(m -> times.merge(m.id(), 1, Integer::sum));
      assertThat(times.values()).as("no message sent twice").allMatch(n -> n == 1);
      assertThat(sent).as("audience %s", run.audience()).hasSize(30);
      for (MessageChannel.Message m : sent) {
        List<Interaction> of = crm.interactions().ofCustomer(m.customerId());
        assertThat(of).as("interactions of " + m.customerId()).singleElement()
            .satisfies(i -> assertThat(i.id()).isEqualTo(InteractionId.of("campaign:" + m.id())));
      }
      assertThat(faulty.inner().interactions().count()).isEqualTo(30);
      assertThat(crm.interactions().ofCustomer(CustomerId.of("c0"))).hasSize(1);
    }
    System.out.printf("campaign send under faults: %d store faults injected, %d sends failed (%d after the"
        + " messages went out) and were completed by sending again%n", injected, failedSends, failedWhileRecording);
    assertThat(failedSends).isGreaterThan(failedWhileRecording);
    assertThat(failedWhileRecording).isGreaterThan(0);
  }
}
