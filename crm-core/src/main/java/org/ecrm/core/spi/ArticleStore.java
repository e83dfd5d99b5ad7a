package org.ecrm.core.spi;

import org.ecrm.core.support.Article;

/** Stores knowledge-base articles. Thread-safe and atomic per method, as {@link VersionedStore} says. */
public interface ArticleStore extends VersionedStore<String, Article> { }
