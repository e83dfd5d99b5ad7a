package org.ecrm.core.jdbc.internal;

import java.util.List;
import java.util.Optional;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.spi.SurveyStore;
import org.ecrm.core.survey.Questionnaire;
import org.ecrm.core.survey.Response;

/**
 * Questionnaires (primary key id + version) and responses (append order is the identity column
 * {@code seq}); the records themselves are JSON. Thread-safe: every method is one transaction.
 */
final class JdbcSurveys implements SurveyStore {
  private final Db db;

  JdbcSurveys(Db db) {
    this.db = db;
  }

  @Override
  public void putQuestionnaire(Questionnaire q) {
    JdbcTable.notNull("Questionnaire", q);
    db.tx("Questionnaire insert", c -> {
      if (Db.number(c, "SELECT version FROM questionnaires WHERE questionnaire_id = ? AND version = ?",
          q.id(), q.version()) != null) {
        throw new DuplicateKeyException("Questionnaire", "Questionnaire.version", q.id() + "@" + q.version(), q.id());
      }
      return Db.update(c, "INSERT INTO questionnaires (questionnaire_id, version, data) VALUES (?, ?, ?)",
          q.id(), q.version(), db.write(q));
    });
  }

  @Override
  public Optional<Questionnaire> questionnaire(String id, int version) {
    return db.read("Questionnaire get", c -> db.records(c, Questionnaire.class,
        "SELECT data FROM questionnaires WHERE questionnaire_id = ? AND version = ?", id, version))
        .stream().findFirst();
  }

  @Override
  public List<Questionnaire> questionnaires() {
    return db.read("Questionnaire list", c -> db.records(c, Questionnaire.class,
        "SELECT data FROM questionnaires ORDER BY questionnaire_id, version"));
  }

  @Override
  public void appendResponse(Response r) {
    JdbcTable.notNull("Response", r);
    db.tx("Response append", c -> Db.update(c,
        "INSERT INTO responses (customer_id, questionnaire_id, version, data) VALUES (?, ?, ?, ?)",
        r.customerId().value(), r.questionnaireId(), r.questionnaireVersion(), db.write(r)));
  }

  @Override
  public List<Response> responsesOf(CustomerId customerId) {
    return db.read("Response by customer", c -> db.records(c, Response.class,
        "SELECT data FROM responses WHERE customer_id = ? ORDER BY seq", customerId.value()));
  }

  @Override
  public List<Response> responsesTo(String questionnaireId, int version) {
    return db.read("Response by questionnaire", c -> db.records(c, Response.class,
        "SELECT data FROM responses WHERE questionnaire_id = ? AND version = ? ORDER BY seq", questionnaireId, version));
  }

  @Override
  public int reassign(CustomerId from, CustomerId to) {
    return db.tx("Response reassign", c -> {
      List<Response> moved = db.records(c, Response.class,
          "SELECT data FROM responses WHERE customer_id = ? ORDER BY seq", from.value());
      Db.update(c, "DELETE FROM responses WHERE customer_id = ?", from.value());
      for (Response r : moved) {
        Response next = new Response(r.questionnaireId(), r.questionnaireVersion(), to, r.answeredAt(), r.channel(),
            r.answers());
        Db.update(c, "INSERT INTO responses (customer_id, questionnaire_id, version, data) VALUES (?, ?, ?, ?)",
            to.value(), next.questionnaireId(), next.questionnaireVersion(), db.write(next));
      }
      return moved.size();
    });
  }

  @Override
  public int deleteResponses(CustomerId customerId) {
    return db.tx("Response delete", c -> Db.update(c, "DELETE FROM responses WHERE customer_id = ?",
        customerId.value()));
  }
}
