package org.ecrm.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.model.VersionConflictException;
import org.ecrm.core.spi.ArticleStore;
import org.ecrm.core.support.Article;
import org.junit.jupiter.api.Test;

/** The contract of {@link ArticleStore}: CRUD, versions, iteration. */
public abstract class ArticleStoreContract extends StoreContractSupport {

  @Test
  void insertUpdateScan() {
    ArticleStore store = storage.articles();
    Article a = store.insert(new Article("a2", "Question?", "Answer.", Set.of("faq"), "en",
        Article.Status.DRAFT, List.of(), T0, 1));
    store.insert(new Article("a1", "Other?", "Other.", Set.of(), "de", Article.Status.PUBLISHED, List.of(), T0, 1));
    Article solved = store.update(a.withSolvedCase("case-1", T0.plusSeconds(5)));
    assertThat(store.get("a2")).contains(solved);
    assertThatThrownBy(() -> store.update(a.withSolvedCase("case-2", T0))).isInstanceOf(VersionConflictException.class);
    assertThatThrownBy(() -> store.insert(a)).isInstanceOf(DuplicateKeyException.class);
    assertThat(store.scan(null, 5)).extracting(Article::id).containsExactly("a1", "a2");
    assertThat(store.count()).isEqualTo(2);
  }
}
