package org.ecrm.tracking.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ecrm.core.Crm;
import org.ecrm.core.interact.Interact;
import org.ecrm.core.interact.Profile;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.ExternalId;
import org.ecrm.tracking.IpMasking;
import org.ecrm.tracking.session.PathCategories;
import org.ecrm.tracking.session.Session;
import org.ecrm.tracking.session.VisitorProfile;
import org.junit.jupiter.api.Test;

/**
 * The pipeline snippet of crm-tracking's README and of the top-level README's tracking section is this
 * test's code: the test runs it and checks that both READMEs still show exactly these lines.
 */
class PipelineReadmeSnippetTest {

  @Test
  void snippet_runs() {
    Instant now = Instant.now();
    List<Session> sessionStore = new CopyOnWriteArrayList<>();
    String requestBodyJson = "{\"type\":\"page\",\"messageId\":\"m-1\",\"anonymousId\":\"cookie-1\","
        + "\"timestamp\":\"" + now + "\",\"context\":{\"page\":{\"path\":\"/shoes/trail\"}}}";
    byte[] batchBytes = ("{\"batch\":[{\"type\":\"identify\",\"messageId\":\"m-2\",\"anonymousId\":\"cookie-1\","
        + "\"userId\":\"u-42\",\"timestamp\":\"" + now.plusSeconds(20) + "\"},{\"type\":\"page\",\"messageId\":\"m-3\","
        + "\"anonymousId\":\"cookie-1\",\"userId\":\"u-42\",\"timestamp\":\"" + now.plusSeconds(40) + "\","
        + "\"context\":{\"page\":{\"path\":\"/bags/tote\"}}}]}").getBytes(StandardCharsets.UTF_8);
    // region pipeline
    Crm crm = Crm.builder().build();
    crm.customers().create(Customer.builder().name("Ada", "Lovelace").externalId(ExternalId.WEB_USER, "u-42"));
    TrackingPipeline pipeline = TrackingPipeline.builder()
        .customers(crm.customers())                    // user id "u-42" -> the customer holding it
        .categories(PathCategories.of(Map.of("/shoes/", "shoes", "/bags/", "bags")))
        .tracker(t -> t.ipMasking(IpMasking.DEFAULT))  // consent, buffer, dedupe... likewise
        .sessionSink(sessionStore::add)                // the host persists finished sessions
        .build();
    Interact interact = Interact.builder(crm).behaviour(pipeline.behaviour()).build();
    pipeline.connect(interact);                        // keeps Interact's cached profiles fresh

    // from any number of threads, e.g. an HTTP handler: JSON, a Segment batch, or TrackingEvent
    pipeline.track(requestBodyJson);
    pipeline.trackBatch(batchBytes);

    // a session ends 30 min (+ 5 min lateness) after its last event, or at close()
    pipeline.close();
    Profile profile = interact.profileOfVisitor("cookie-1"); // "Welcome back, Ada", interests
    VisitorProfile visits = pipeline.profiles().profile("u-42").orElseThrow();
    // endregion pipeline
    assertThat(profile.greeting()).isEqualTo("Welcome back, Ada");
    assertThat(profile.topInterests(2)).containsExactly("bags", "shoes");
    assertThat(visits.pageViews()).isEqualTo(2);
    assertThat(sessionStore).singleElement().satisfies(s -> assertThat(s.visitorId()).isEqualTo("u-42"));
  }

  @Test
  void readmes_showTheSnippetVerbatim() throws IOException {
    String source = Files.readString(Path.of("src/test/java/org/ecrm/tracking/pipeline/PipelineReadmeSnippetTest.java"));
    String snippet = between(source, "// region pipeline\n", "// endregion pipeline").stripTrailing().stripIndent();
    for (String readme : List.of("README.md", "../README.md")) {
      String text = Files.readString(Path.of(readme));
      String shown = between(text, "<!-- snippet:pipeline -->\n```java\n", "```\n<!-- /snippet:pipeline -->").strip();
      assertThat(shown).as(readme).isEqualTo(snippet);
    }
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    assertThat(from).as("marker %s", start).isNotNegative();
    int to = text.indexOf(end, from + start.length());
    assertThat(to).as("marker %s", end).isNotNegative();
    return text.substring(from + start.length(), to);
  }
}
