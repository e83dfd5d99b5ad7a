package org.ecrm.core.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.Interaction;
import org.ecrm.core.model.NotFoundException;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.service.Interactions;
import org.ecrm.core.spi.ArticleStore;
import org.ecrm.core.support.Article;
import org.ecrm.core.support.Cases;
import org.ecrm.core.support.KnowledgeBase;
import org.ecrm.core.support.SupportCase;

/**
 * {@link KnowledgeBase} over an {@link ArticleStore}. The BM25 index per language is built from the
 * published articles on first search and rebuilt after a change made through this service (writes
 * made by other processes to a shared store are seen after the next local change). Thread-safe.
 */
public final class KnowledgeBaseService implements KnowledgeBase {
  private final CrmContext ctx;
  private final ArticleStore store;
  private final Cases cases;
  private final Interactions interactions;
  private final AtomicReference<Map<String, Bm25Index<Article>>> indexes = new AtomicReference<>();

  /** @param ctx context @param cases the cases to suggest for @param interactions the cases' messages */
  public KnowledgeBaseService(CrmContext ctx, Cases cases, Interactions interactions) {
    this.ctx = ctx;
    this.store = ctx.storage().articles();
    this.cases = cases;
    this.interactions = interactions;
  }

  @Override
  public Article create(String id, String question, String answer, Set<String> tags, String language,
      Article.Status status) {
    Article a = store.insert(new Article(id, question, answer, tags, language, status, List.of(),
        ctx.now(), 1));
    indexes.set(null);
    return a;
  }

  @Override
  public Article update(Article changed) {
    Checks.notNull("article", changed);
    Article stored = get(changed.id()).orElseThrow(() -> new NotFoundException("Article", changed.id()));
    if (stored.version() != changed.version()) {
      throw new VersionConflictException("Article", changed.id(), changed.version(), stored.version());
    }
    Article next = store.update(stored.withContent(changed.question(), changed.answer(), changed.tags(),
        changed.status(), ctx.now(), stored.version() + 1));
    indexes.set(null);
    return next;
  }

  @Override
  public Optional<Article> get(String id) {
    return store.get(Checks.notNull("articleId", id));
  }

  @Override
  public List<Hit> search(String query, String language, int limit) {
    Checks.notNull("query", query);
    Checks.notNull("language", language);
    if (limit < 1) {
      throw Checks.invalid("limit", "must be at least 1", limit);
    }
    Bm25Index<Article> index = indexes().get(language.strip().toLowerCase(java.util.Locale.ROOT));
    if (index == null) {
      return List.of();
    }
    return index.search(query, limit).stream().map(e -> new Hit(e.getKey(), e.getValue())).toList();
  }

  private Map<String, Bm25Index<Article>> indexes() {
    Map<String, Bm25Index<Article>> current = indexes.get();
    if (current != null) {
      return current;
    }
    Map<String, Map<Article, String>> byLanguage = new LinkedHashMap<>();
    Paging.stream(store::scan, Article::id).filter(a -> a.status() == Article.Status.PUBLISHED)
        .forEach(a -> byLanguage.computeIfAbsent(a.language(), k -> new LinkedHashMap<>())
            .put(a, a.question() + " " + a.question() + " " + a.answer() + " " + String.join(" ", a.tags())));
    Map<String, Bm25Index<Article>> built = byLanguage.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> new Bm25Index<>(e.getValue())));
    indexes.compareAndSet(null, built);
    return built;
  }

  @Override
  public List<Hit> suggest(String caseId, String language, int limit) {
    SupportCase c = cases.get(caseId).orElseThrow(() -> new NotFoundException("SupportCase", caseId));
    StringBuilder text = new StringBuilder(c.subject());
    for (Interaction i : interactions.ofCustomer(c.customerId())) {
      if (c.messages().contains(i.id()) && i.direction() == org.ecrm.core.model.Direction.INBOUND) {
        text.append(' ').append(i.summary());
      }
    }
    return search(text.toString(), language, limit);
  }

  @Override
  public Article solved(String articleId, String caseId) {
    if (cases.get(caseId).isEmpty()) {
      throw new NotFoundException("SupportCase", caseId);
    }
    Article a = CrmContext.retrying(() -> {
      Article current = get(articleId).orElseThrow(() -> new NotFoundException("Article", articleId));
      return current.solvedCases().contains(caseId) ? current
          : store.update(current.withSolvedCase(caseId, ctx.now()));
    });
    indexes.set(null);
    return a;
  }

  @Override
  public List<Article> mostAsked(int limit) {
    if (limit < 1) {
      throw Checks.invalid("limit", "must be at least 1", limit);
    }
    return Paging.stream(store::scan, Article::id).filter(a -> a.status() == Article.Status.PUBLISHED)
        .sorted(Comparator.comparingInt((Article a) -> a.solvedCases().size()).reversed()
            .thenComparing(Article::id))
        .limit(limit).toList();
  }

}
