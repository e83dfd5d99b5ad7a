package org.ecrm.core.spi;

import java.util.function.Supplier;

/**
 * The stores of one CRM: what a storage adapter provides. Implementations must be thread-safe.
 * {@link #close()} releases the adapter's resources (connections); the in-memory default holds none.
 */
public interface Storage extends AutoCloseable {

  /** The customer store. */
  CustomerStore customers();

  /** The account store. */
  AccountStore accounts();

  /** The product store. */
  ProductStore products();

  /** The order store. */
  OrderStore orders();

  /** The interaction store. */
  InteractionStore interactions();

  /** The consent store. */
  ConsentStore consents();

  /** The support-case store. */
  CaseStore cases();

  /** The knowledge-base store. */
  ArticleStore articles();

  /** The B2B opportunity store. */
  OpportunityStore opportunities();

  /** The loyalty ledger store. */
  LedgerStore ledger();

  /** The questionnaire and response store. */
  SurveyStore surveys();

  /** The preference-centre store. */
  PreferenceStore preferences();

  /** The audit trail store. */
  AuditStore audit();

  /**
   * Runs {@code work} (one facade operation, e.g. a merge, with all its store calls) as one unit:
   * either every write it made is kept, or, when it throws, none is. The facade wraps each write
   * operation in one call; a call made inside {@code work} on the same thread joins the unit. Work
   * may catch a store call's exception (a version conflict, a duplicate key) and go on: the failed
   * call changed nothing.
   *
   * <p>The default runs {@code work} directly, giving no such guarantee; the in-memory storage undoes
   * the writes of a failed unit, the JDBC storage runs the unit in one database transaction; both run
   * a nested call as a savepoint, whose writes alone are undone when it throws (imports rely on this to
   * write many rows in one unit and reject a failing row alone; on other adapters they write one row
   * per unit). An
   * adapter that cannot tell whether its commit took effect (the connection dropped after the commit
   * was sent) throws a {@link org.ecrm.core.model.StoreException} whose
   * {@link org.ecrm.core.model.StoreException#outcomeUnknown()} is true.
   *
   * @param operation what the work does, for error messages, e.g. {@code "merge customer c-2 into c-1"}
   * @param work the operation
   * @return what {@code work} returned
   */
  default <T> T transaction(String operation, Supplier<T> work) {
    return work.get();
  }

  /**
   * Runs {@code work} as {@link #transaction(String, Supplier)} does, with the operation's name built
   * only when the adapter needs it. The facade calls it where building the name for every call would
   * cost more than the unit itself: an imported row, a savepoint nested in its chunk's transaction, is
   * one such call per row (its name, e.g. {@code "import CUSTOMER row at line 42"}, appears only in an
   * error message).
   *
   * <p>{@code operation} is called at most as often as a name is needed, possibly not at all, on the
   * thread that called this method, before this method returns: when the adapter builds an error
   * message (a connection, savepoint or commit failure), or to name a savepoint or a log line. It must
   * be cheap, free of side effects and return the same name each time; it must not call the storage.
   * {@code work} is called exactly once, on the calling thread, as for
   * {@link #transaction(String, Supplier)}: the all-or-nothing guarantee, the nesting (a call inside a
   * running unit on the same thread is a savepoint where {@link #nestedTransactionsAreSavepoints()}
   * is true) and the exceptions are that method's.
   *
   * <p>The default calls {@code operation} once and runs {@link #transaction(String, Supplier)}, so an
   * adapter that overrides only that method keeps its behaviour. The in-memory storage, which names
   * nothing, never calls {@code operation}; the JDBC storage calls it only to build an error message.
   *
   * @param operation supplies what the work does, for error messages
   * @param work the operation
   * @param <T> what the work returns
   * @return what {@code work} returned
   * @throws NullPointerException if {@code operation} or {@code work} is null
   */
  default <T> T transaction(Supplier<String> operation, Supplier<T> work) {
    return transaction(operation.get(), work);
  }

  /**
   * Whether a {@link #transaction} called inside a running one on the same thread is a savepoint: when
   * the nested work throws, its writes alone are undone and the outer transaction goes on. Imports write
   * many rows in one transaction, each row a nested one, only where this is true; elsewhere each row is
   * a transaction of its own.
   *
   * <p>The default is false. The in-memory and JDBC storages answer true. An adapter whose
   * {@link #transaction} runs the work without a real transaction must answer false.
   *
   * @return true if nested transactions are savepoints
   */
  default boolean nestedTransactionsAreSavepoints() {
    return false;
  }

  /**
   * Whether {@link #batchTransaction} holds writes back and sends them together, so that a caller gains
   * by reading ahead what its units will look up ({@link CustomerStore#findAll}) and running them as one
   * batch. Imports run customer chunks as batches only where this is true. The default is false; the JDBC
   * storage answers true.
   *
   * @return true if batch transactions batch the writes
   */
  default boolean batchesWrites() {
    return false;
  }

  /**
   * Runs {@code work}, a series of nested {@link #transaction} calls (the rows of an import chunk), as one
   * transaction whose writes the adapter may hold back and send together, in batches, when {@code work}
   * returns and before the commit. Imports call it only on a storage whose
   * {@link #nestedTransactionsAreSavepoints()} and {@link #batchesWrites()} are true. Inside it, as inside
   * {@link #transaction}: reads see the work's own writes; a nested transaction that throws leaves none of its writes; a
   * store call refuses what it can tell is wrong (a unique key another record holds, a stale version)
   * when it is made. A refusal the adapter learns only when it sends the held-back writes (a key a
   * concurrent writer took meanwhile) makes this call throw with nothing kept; the caller then runs the
   * same units again with {@link #transaction}, where each unit meets its own failure.
   *
   * <p>The default runs {@link #transaction}, holding nothing back. The JDBC storage holds back the
   * inserts and updates of tables and the audit records, answers lookups from what the work wrote and
   * from what {@link CustomerStore#findAll} read ahead, and sends each table's writes as a few batched
   * multi-row statements.
   *
   * @param operation what the work does, for error messages
   * @param work the units
   * @param <T> what the work returns
   * @return what {@code work} returned
   */
  default <T> T batchTransaction(String operation, Supplier<T> work) {
    return transaction(operation, work);
  }

  /** Releases resources; the default does nothing. */
  @Override
  default void close() {}
}
