/**
 * Questionnaires (active collection of customer data): {@link org.ecrm.core.survey.Questionnaire}
 * definitions made of typed {@link org.ecrm.core.survey.Question}s, customer
 * {@link org.ecrm.core.survey.Response}s validated against them with every problem listed
 * ({@link org.ecrm.core.survey.Questionnaire#validate(Response)}), per-question aggregation
 * ({@link org.ecrm.core.survey.AnswerStatistics#of(Questionnaire, java.util.Collection)}) and a declared
 * mapping from answers to {@link org.ecrm.core.survey.StatedPreferences}
 * ({@link org.ecrm.core.survey.PreferenceMapping}). Everything here is a pure, immutable value or
 * function; storing responses and preferences is the facade's job.
 *
 * <p>Start at {@link org.ecrm.core.survey.Surveys}, from {@code Crm.surveys()}, and at {@link
 * org.ecrm.core.survey.Questionnaire}.
 */
@NullMarked
package org.ecrm.core.survey;

import org.jspecify.annotations.NullMarked;
