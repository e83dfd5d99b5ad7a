package org.ecrm.examples.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.ecrm.core.Crm;
import org.ecrm.core.interact.Interact;
import org.ecrm.core.interact.Profile;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.ExternalId;
import org.ecrm.tracking.Campaign;
import org.ecrm.tracking.FailedEventSink;
import org.ecrm.tracking.session.InMemorySessionSink;
import org.ecrm.tracking.session.PathCategories;
import org.ecrm.tracking.session.Session;
import org.ecrm.tracking.session.SessionSink;
import org.ecrm.tracking.pipeline.TrackingPipeline;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The collector over real HTTP on an ephemeral port, with a recorded analytics.js batch. */
@Timeout(60)
class SegmentCollectorTest {
  static final String KEY = "test-write-key";
  static final Instant SERVER_NOW = Instant.parse("2026-12-04T12:00:10Z");

  Crm crm;
  InMemorySessionSink sessions;
  FailedEventSink.Recorded failures;
  TrackingPipeline pipeline;
  SegmentCollector collector;
  HttpClient http;

  @BeforeEach
  void start() throws IOException {
    crm = Crm.builder().discoverStorage(false).build();
    crm.customers().create(Customer.builder().id("ada").name("Ada", "Lovelace").externalId(ExternalId.WEB_USER, "u-1"));
    sessions = SessionSink.inMemory();
    failures = FailedEventSink.inMemory();
    pipeline = TrackingPipeline.builder().clock(Clock.fixed(SERVER_NOW, ZoneOffset.UTC)).customers(crm.customers())
        .categories(PathCategories.of(Map.of("/shoes/", "running", "/bags/", "travel"))).sessionSink(sessions)
        .failedEventSink(failures).build();
    collector = SegmentCollector.start(pipeline, Set.of(KEY), new InetSocketAddress("127.0.0.1", 0), 2);
    http = HttpClient.newHttpClient();
  }

  @AfterEach
  void stop() {
    collector.close();
    pipeline.close();
  }

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":").getBytes(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(String path, byte[] body, String auth, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collector.port() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return post(path, body.getBytes(StandardCharsets.UTF_8), basic(KEY));
  }

  static byte[] recordedBatch() throws IOException {
    try (InputStream in = Objects.requireNonNull(SegmentCollectorTest.class.getResourceAsStream("analytics-js-batch.json"))) {
      return in.readAllBytes();
    }
  }

  @Test
  void aRecordedAnalyticsJsBatch_becomesOneRecognisedVisitorWithCorrectedTimes() throws Exception {
    HttpResponse<String> r = post("/v1/batch", recordedBatch(), basic(KEY));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("{\"success\":true}");
    assertThat(r.headers().firstValue("Content-Type")).contains("application/json");
    // the same batch again (a client retry): every message id is a duplicate, still a success for the client
    assertThat(post("/v1/batch", recordedBatch(), basic(KEY)).body()).isEqualTo("{\"success\":true}");

    Interact interact = Interact.builder(crm).behaviour(pipeline.behaviour()).build();
    pipeline.connect(interact);
    pipeline.close(); // ends the open session
    assertThat(pipeline.stats().tracker().accepted()).isEqualTo(4);
    assertThat(pipeline.stats().tracker().duplicates()).isEqualTo(4);
    assertThat(failures.events()).isEmpty();

    // the client's clock was 2 minutes ahead (sentAt 12:02:10 received at 12:00:10): times corrected
    Session s = sessions.sessions().get(0);
    assertThat(sessions.sessions()).hasSize(1);
    assertThat(s.visitorId()).isEqualTo("u-1");
    assertThat(s.start()).isEqualTo(Instant.parse("2026-12-04T11:59:00.120Z"));
    assertThat(s.end()).isEqualTo(Instant.parse("2026-12-04T12:00:05.250Z"));
    assertThat(s.pageViews()).isEqualTo(2);
    assertThat(s.events()).isEqualTo(2); // Product Viewed and the identify
    assertThat(s.referrer()).isEqualTo("https://www.google.com/");
    assertThat(s.campaign()).isEqualTo(new Campaign("google", "cpc", "winter", "", ""));

    Profile ada = interact.profileOfVisitor("9e8f7a6b-5c4d-4e3f-a2b1-0c9d8e7f6a5b");
    assertThat(ada.recognition()).isEqualTo(Profile.Recognition.RECOGNISED);
    assertThat(ada.greeting()).isEqualTo("Welcome back, Ada");
    assertThat(ada.topInterests(2)).containsExactly("running", "travel");
  }

  @Test
  void oneEventEndpoints_takeTheTypeFromThePath() throws Exception {
    String track = "{\"userId\":\"u-1\",\"event\":\"Signed Up\",\"messageId\":\"m-1\",\"timestamp\":\"2026-12-04T12:00:00Z\"}";
    assertThat(post("/v1/track", track).body()).isEqualTo("{\"success\":true}");
    assertThat(post("/v1/page", "{\"anonymousId\":\"a-1\",\"messageId\":\"m-2\",\"name\":\"Home\","
        + "\"context\":{\"page\":{\"path\":\"/\"}}}").statusCode()).isEqualTo(200);
    assertThat(post("/v1/identify", "{ \"anonymousId\":\"a-1\",\"userId\":\"u-1\",\"messageId\":\"m-3\"}").statusCode())
        .isEqualTo(200);
    assertThat(post("/v1/alias", "{\"previousId\":\"a-2\",\"userId\":\"u-1\",\"messageId\":\"m-4\"}").statusCode())
        .isEqualTo(200);
    assertThat(post("/v1/track", "{\"type\":\"track\",\"userId\":\"u-1\",\"event\":\"Paid\",\"messageId\":\"m-5\"}")
        .statusCode()).isEqualTo(200);
    pipeline.flush();
    assertThat(pipeline.stats().tracker().accepted()).isEqualTo(5);
    assertThat(pipeline.identities().userFor("a-1")).contains("u-1");
    assertThat(pipeline.identities().userFor("a-2")).contains("u-1");

    HttpResponse<String> wrongType = post("/v1/page", "{\"type\":\"track\",\"userId\":\"u-1\",\"event\":\"X\",\"messageId\":\"m-6\"}");
    assertThat(wrongType.statusCode()).isEqualTo(400);
    assertThat(wrongType.body()).contains("type: this endpoint takes page events, got track");
  }

  @Test
  void badJsonAndBadEvents_are400_withTheReason_andKeptInTheFailedSink() throws Exception {
    HttpResponse<String> bad = post("/v1/batch", "{\"batch\":[{\"type\":\"page\"");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).startsWith("{\"success\":false,\"message\":\"$: malformed JSON");
    HttpResponse<String> badOne = post("/v1/track", "{\"userId\":\"u-1\",\"event\":42,\"messageId\":\"m-1\"}");
    assertThat(badOne.statusCode()).isEqualTo(400);
    assertThat(badOne.body()).contains("event: expected a string, got number");
    HttpResponse<String> notJson = post("/v1/identify", "userId=u-1");
    assertThat(notJson.statusCode()).isEqualTo(400);

    // a batch with one bad event keeps the good one
    HttpResponse<String> mixed = post("/v1/batch", "{\"batch\":[{\"type\":\"track\",\"userId\":\"u-1\",\"event\":\"Ok\","
        + "\"messageId\":\"g-1\"},{\"type\":\"track\",\"userId\":\"null\",\"event\":\"Bad\",\"messageId\":\"g-2\"}]}");
    assertThat(mixed.statusCode()).isEqualTo(200);
    assertThat(mixed.body()).isEqualTo("{\"success\":true,\"rejected\":1}");
    pipeline.flush();
    assertThat(pipeline.stats().tracker().accepted()).isEqualTo(1);
    assertThat(failures.events()).extracting(f -> f.reason()).anySatisfy(r -> assertThat(r).contains("userId"))
        .anySatisfy(r -> assertThat(r).contains("event: expected a string, got number"));
  }

  @Test
  void oversizeBodies_are400_asSegmentAnswers() throws Exception {
    String pad = "x".repeat(SegmentCollector.MAX_EVENT_BYTES);
    HttpResponse<String> big = post("/v1/track", "{\"userId\":\"u-1\",\"event\":\"Big\",\"messageId\":\"b-1\","
        + "\"properties\":{\"pad\":\"" + pad + "\"}}");
    assertThat(big.statusCode()).isEqualTo(400);
    assertThat(big.body()).contains("request body larger than 32768 bytes");

    StringBuilder batch = new StringBuilder("{\"batch\":[");
    for (int i = 0; i < 40; i++) {
      batch.append(i == 0 ? "" : ",").append("{\"type\":\"track\",\"userId\":\"u-1\",\"event\":\"E\",\"messageId\":\"o-")
          .append(i).append("\",\"properties\":{\"pad\":\"").append("y".repeat(15_000)).append("\"}}");
    }
    batch.append("]}");
    HttpResponse<String> bigBatch = post("/v1/batch", batch.toString());
    assertThat(bigBatch.statusCode()).isEqualTo(400);
    assertThat(bigBatch.body()).contains("request body larger than 512000 bytes");

    // gzip: the limit counts the unpacked bytes
    ByteArrayOutputStream zipped = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(zipped)) {
      z.write(batch.toString().getBytes(StandardCharsets.UTF_8));
    }
    assertThat(zipped.size()).isLessThan(SegmentCollector.MAX_EVENT_BYTES);
    assertThat(post("/v1/batch", zipped.toByteArray(), basic(KEY), "Content-Encoding", "gzip").statusCode())
        .isEqualTo(400);
    ByteArrayOutputStream small = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(small)) {
      z.write(recordedBatch());
    }
    assertThat(post("/v1/batch", small.toByteArray(), basic(KEY), "Content-Encoding", "gzip").statusCode())
        .isEqualTo(200);
    pipeline.flush();
    assertThat(pipeline.stats().tracker().accepted()).isEqualTo(4);
  }

  @Test
  void aMissingOrWrongWriteKey_is401_andNothingIsTracked() throws Exception {
    byte[] batch = recordedBatch();
    HttpResponse<String> none = post("/v1/batch", batch, null);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Basic realm=\"write key\"");
    assertThat(post("/v1/batch", batch, basic("other-key")).statusCode()).isEqualTo(401);
    assertThat(post("/v1/batch", batch, "Basic !!!not-base64").statusCode()).isEqualTo(401);
    assertThat(post("/v1/batch", batch, "Bearer " + KEY).statusCode()).isEqualTo(401);
    pipeline.flush(Duration.ofSeconds(5));
    assertThat(pipeline.stats().tracker().accepted()).isZero();
  }

  @Test
  void otherPathsAndMethods() throws Exception {
    assertThat(post("/v2/batch", "{}").statusCode()).isEqualTo(404);
    HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collector.port()
        + "/v1/batch")).header("Authorization", basic(KEY)).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("Allow")).contains("POST");
  }

  @Test
  void startChecksItsArguments() {
    assertThatThrownBy(() -> SegmentCollector.start(pipeline, Set.of(), new InetSocketAddress(0), 1))
        .hasMessageContaining("writeKeys");
    assertThatThrownBy(() -> SegmentCollector.start(pipeline, Set.of(" "), new InetSocketAddress(0), 1))
        .hasMessageContaining("writeKeys");
    assertThatThrownBy(() -> SegmentCollector.start(pipeline, Set.of("k"), new InetSocketAddress(0), 0))
        .hasMessage("threads must be positive: 0");
  }
}
