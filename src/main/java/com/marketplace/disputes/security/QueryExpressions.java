package com.marketplace.disputes.security;

import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;

/**
 * No expression from a caller reaches the engine's expression language.
 *
 * <p>Camunda refuses expressions at the top of an ad-hoc query, but evaluates those inside its
 * {@code orQueries} (7.24 CE: any logged-in user runs code on the server through
 * {@code POST /task}), and those of the query a filter execution adds to the stored one. Every
 * query a caller hands the engine is a command of its own, so each one is looked at here: its
 * expressions and those of each or-query must be empty. Task queries are the only ones with
 * expressions today; any other query that has some is refused all the same. Stored filters keep
 * theirs ({@code ${currentUser()}}): the engine reads them from its own table, not from the caller.
 */
final class QueryExpressions {

  private QueryExpressions() {
  }

  static void refuseIn(Command<?> command) {
    if (command instanceof AbstractQuery<?, ?> query) {
      refuseIn(query);
    } else if (command instanceof AbstractExecuteFilterCmd filter
        && CommandFields.extendingQuery(filter) instanceof AbstractQuery<?, ?> extending) {
      refuseIn(extending);
    }
  }

  private static void refuseIn(AbstractQuery<?, ?> query) {
    Set<String> found = new TreeSet<>(query.getExpressions().keySet());
    if (query instanceof TaskQueryImpl taskQuery) {
      for (TaskQueryImpl orQuery : taskQuery.getQueries()) {
        found.addAll(orQuery.getExpressions().keySet());
      }
    }
    if (!found.isEmpty()) {
      throw new BadUserRequestException("Expressions are not accepted in queries, "
          + "or-queries included: " + String.join(", ", found));
    }
  }
}
