package org.ecrm.core.internal.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.ecrm.core.internal.check.Checks;
import org.ecrm.core.model.CustomerId;
import org.ecrm.core.model.DuplicateKeyException;
import org.ecrm.core.spi.SurveyStore;
import org.ecrm.core.survey.Questionnaire;
import org.ecrm.core.survey.Response;

/** The in-memory survey store: every method synchronised on the store. */
final class InMemorySurveyStore implements SurveyStore {
  private final TreeMap<String, Questionnaire> questionnaires = new TreeMap<>();
  private final List<Response> responses = new ArrayList<>();
  private final Journal journal;

  InMemorySurveyStore(Journal journal) {
    this.journal = journal;
  }

  private void snapshotResponses() {
    List<Response> before = new ArrayList<>(responses);
    journal.record(() -> {
      synchronized (this) {
        responses.clear();
        responses.addAll(before);
      }
    });
  }

  private static String key(String id, int version) {
    return id + "\u0000" + String.format("%010d", version);
  }

  @Override
  public synchronized void putQuestionnaire(Questionnaire q) {
    Checks.notNull("questionnaire", q);
    String k = key(q.id(), q.version());
    if (questionnaires.containsKey(k)) {
      throw new DuplicateKeyException("Questionnaire", "Questionnaire.version", q.id() + "@" + q.version(), q.id());
    }
    questionnaires.put(k, q);
    journal.record(() -> {
      synchronized (this) {
        questionnaires.remove(k);
      }
    });
  }

  @Override
  public synchronized Optional<Questionnaire> questionnaire(String id, int version) {
    return Optional.ofNullable(questionnaires.get(key(id, version)));
  }

  @Override
  public synchronized List<Questionnaire> questionnaires() {
    return List.copyOf(questionnaires.values());
  }

  @Override
  public synchronized void appendResponse(Response response) {
    Checks.notNull("response", response);
    snapshotResponses();
    responses.add(response);
  }

  @Override
  public synchronized List<Response> responsesOf(CustomerId customerId) {
    return responses.stream().filter(r -> r.customerId().equals(customerId)).toList();
  }

  @Override
  public synchronized List<Response> responsesTo(String questionnaireId, int version) {
    return responses.stream().filter(r -> r.questionnaireId().equals(questionnaireId)
        && r.questionnaireVersion() == version).toList();
  }

  @Override
  public synchronized int reassign(CustomerId from, CustomerId to) {
    snapshotResponses();
    int n = 0;
    for (int i = 0; i < responses.size(); i++) {
      Response r = responses.get(i);
      if (r.customerId().equals(from)) {
        responses.set(i, new Response(r.questionnaireId(), r.questionnaireVersion(), to, r.answeredAt(),
            r.channel(), r.answers()));
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized int deleteResponses(CustomerId customerId) {
    snapshotResponses();
    int before = responses.size();
    responses.removeIf(r -> r.customerId().equals(customerId));
    return before - responses.size();
  }
}
