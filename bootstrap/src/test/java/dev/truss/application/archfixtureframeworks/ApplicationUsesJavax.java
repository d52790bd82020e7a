package dev.truss.application.archfixtureframeworks;

import javax.sql.DataSource;

/** Architecture fixture, a violation: the application using a {@code javax} type. */
public final class ApplicationUsesJavax {
  DataSource dataSource;
}
