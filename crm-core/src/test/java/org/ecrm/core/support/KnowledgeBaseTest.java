package org.ecrm.core.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.ecrm.core.Crm;
import org.ecrm.core.model.Channel;
import org.ecrm.core.model.Customer;
import org.ecrm.core.model.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KnowledgeBaseTest {
  private final Crm crm = Crm.builder().discoverStorage(false).build();
  private KnowledgeBase kb;

  @BeforeEach
  void setUp() {
    kb = crm.knowledgeBase();
    kb.create("returns", "How do I return an item?", "Use the returns form within 30 days; refunds take 5 days.",
        Set.of("returns", "refunds"), "en", Article.Status.PUBLISHED);
    kb.create("delivery", "Where is my parcel?", "Track your parcel with the link in the dispatch e-mail.",
        Set.of("delivery", "tracking"), "en", Article.Status.PUBLISHED);
    kb.create("password", "How do I reset my password?", "Click 'forgot password' on the login page.",
        Set.of("account"), "en", Article.Status.PUBLISHED);
    kb.create("retoure", "Wie sende ich einen Artikel zurück?", "Nutzen Sie das Retourenformular.",
        Set.of("returns"), "de", Article.Status.PUBLISHED);
    kb.create("draft", "How do I return a parcel to a store?", "Not written yet.", Set.of(), "en",
        Article.Status.DRAFT);
  }

  @Test
  void search_ranksByBm25_publishedOnly_perLanguage() {
    List<KnowledgeBase.Hit> hits = kb.search("return my parcel", "en", 10);
    assertThat(hits).extracting(h -> h.article().id()).containsExactly("delivery", "returns");
    assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    assertThat(kb.search("Retourenformular", "de", 5)).extracting(h -> h.article().id()).containsExactly("retoure");
    assertThat(kb.search("zebra", "en", 5)).isEmpty();
    assertThat(kb.search("return", "fr", 5)).isEmpty();
    assertThatThrownBy(() -> kb.search("x", "en", 0)).hasMessage("limit: must be at least 1 '0'");
  }

  @Test
  void bm25Score_matchesTheFormula() {
    // one-term query "password": only the password article has it (tf 3 in question x2 + answer)
    double score = kb.search("password", "en", 1).get(0).score();
    int n = 3; // published English articles
    double idf = Math.log(1 + (n - 1 + 0.5) / (1 + 0.5));
    List<String> docs = List.of(
        "How do I return an item? How do I return an item? Use the returns form within 30 days; refunds take 5 days. refunds returns",
        "Where is my parcel? Where is my parcel? Track your parcel with the link in the dispatch e-mail. delivery tracking",
        "How do I reset my password? How do I reset my password? Click 'forgot password' on the login page. account");
    double avg = docs.stream().mapToInt(d -> org.ecrm.core.internal.Bm25Index.terms(d).size()).average().orElseThrow();
    int len = org.ecrm.core.internal.Bm25Index.terms(docs.get(2)).size();
    double tf = 3;
    double expected = idf * tf * 2.2 / (tf + 1.2 * (1 - 0.75 + 0.75 * len / avg));
    assertThat(score).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void suggest_forACase_thenSolvedAndMostAsked() {
    Customer c = crm.customers().create(Customer.builder().email("c@example.com"));
    SupportCase parcel = crm.cases().open(c.id(), Channel.EMAIL, CaseType.QUERY, CasePriority.NORMAL,
        "Missing delivery", "My parcel has not arrived, where is it?");
    assertThat(kb.suggest(parcel.id(), "en", 3)).extracting(h -> h.article().id()).first().isEqualTo("delivery");
    kb.solved("delivery", parcel.id());
    kb.solved("delivery", parcel.id()); // idempotent
    SupportCase other = crm.cases().open(c.id(), Channel.CHAT, CaseType.QUERY, CasePriority.LOW, "Return", "How to return?");
    kb.solved("returns", other.id());
    kb.solved("delivery", other.id());
    assertThat(kb.mostAsked(2)).extracting(Article::id).containsExactly("delivery", "returns");
    assertThat(kb.get("delivery").orElseThrow().solvedCases()).containsExactly(parcel.id(), other.id());
    assertThatThrownBy(() -> kb.solved("nope", parcel.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> kb.solved("delivery", "no-case")).isInstanceOf(NotFoundException.class);
  }

  @Test
  void update_reindexes_andBadInputIsRejected() {
    Article draft = kb.get("draft").orElseThrow();
    kb.update(draft.withContent(draft.question(), "Bring it to any store with the receipt.", draft.tags(),
        Article.Status.PUBLISHED, draft.updatedAt(), draft.version()));
    assertThat(kb.search("store receipt", "en", 5)).extracting(h -> h.article().id()).containsExactly("draft");
    assertThatThrownBy(() -> kb.update(draft)).isInstanceOf(org.ecrm.core.model.VersionConflictException.class);
    assertThatThrownBy(() -> kb.create("x", " ", "a", Set.of(), "en", Article.Status.DRAFT))
        .hasMessage("Article.question: must not be blank ''");
    assertThatThrownBy(() -> kb.create("returns", "q", "a", Set.of(), "en", Article.Status.DRAFT))
        .isInstanceOf(org.ecrm.core.model.DuplicateKeyException.class);
  }
}
