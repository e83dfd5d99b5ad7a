package org.ecrm.tracking.weblog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TrafficFilterTest {
  static LogRecord rec(String method, String target, int status, String ua) {
    return new LogRecord(1, "1.2.3.4", "", "", Instant.EPOCH, method, target, "HTTP/1.1", status, 1, "", ua);
  }

  static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/43.0 Safari/537.36";
  final TrafficFilter filter = TrafficFilter.defaults();

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "GET|/blog/post.html|200|" + "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)|BOT",
      "GET|/|200|curl/7.68.0|BOT",
      "GET|/|200||BOT",
      "GET|/style.CSS?v=2|200|" + BROWSER + "|STATIC_ASSET",
      "GET|/img/logo.png|404|" + BROWSER + "|STATIC_ASSET",
      "GET|/missing|404|" + BROWSER + "|ERROR_STATUS",
      "GET|/boom|503|" + BROWSER + "|ERROR_STATUS",
      "GET|/old|301|" + BROWSER + "|REDIRECT",
      "GET|/same|304|" + BROWSER + "|PAGE_VIEW",
      "HEAD|/|200|" + BROWSER + "|OTHER_METHOD",
      "|/|200|" + BROWSER + "|OTHER_METHOD",
      "GET|/v1.2/|200|" + BROWSER + "|PAGE_VIEW",
      "POST|/form|200|" + BROWSER + "|PAGE_VIEW"})
  void classify_followsTheRulesInOrder(String method, String target, int status, String ua, TrafficClass want) {
    assertThat(filter.classify(rec(method == null ? "" : method, target, status, ua == null ? "" : ua)))
        .isEqualTo(want);
  }

  @Test
  void builder_customLists_replaceTheDefaults() {
    TrafficFilter f = TrafficFilter.builder().botPatterns(List.of("(?i)mybot")).staticExtensions(Set.of("xml"))
        .emptyUserAgentIsBot(false).pageViewMethods(Set.of("GET", "HEAD")).build();
    assertThat(f.classify(rec("GET", "/", 200, "MyBot/1.0"))).isEqualTo(TrafficClass.BOT);
    assertThat(f.classify(rec("GET", "/", 200, "curl/7.0"))).isEqualTo(TrafficClass.PAGE_VIEW);
    assertThat(f.classify(rec("GET", "/", 200, ""))).isEqualTo(TrafficClass.PAGE_VIEW);
    assertThat(f.classify(rec("GET", "/feed.xml", 200, BROWSER))).isEqualTo(TrafficClass.STATIC_ASSET);
    assertThat(f.classify(rec("GET", "/a.css", 200, BROWSER))).isEqualTo(TrafficClass.PAGE_VIEW);
    assertThat(f.classify(rec("HEAD", "/", 200, BROWSER))).isEqualTo(TrafficClass.PAGE_VIEW);
    assertThat(TrafficFilter.builder().addBotPatterns(List.of("Friendly")).build()
        .classify(rec("GET", "/", 200, "Friendly/1"))).isEqualTo(TrafficClass.BOT);
  }

  @Test
  void defaultBotList_isTheBundledMaintainedList() {
    assertThat(TrafficFilter.defaultBotPatterns()).hasSize(1500).contains("Googlebot\\/");
  }

  @Test
  void builder_badValues_failFastNamingThem() {
    assertThatThrownBy(() -> TrafficFilter.builder().botPatterns(List.of("(unclosed")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bot pattern is not a regular expression: \"(unclosed\"");
    assertThatThrownBy(() -> TrafficFilter.builder().staticExtensions(Set.of(".css")))
        .hasMessage("staticExtensions must be lower case without a dot: \".css\"");
    assertThatThrownBy(() -> TrafficFilter.builder().pageViewMethods(Set.of()))
        .hasMessage("pageViewMethods must not be empty");
  }
}
