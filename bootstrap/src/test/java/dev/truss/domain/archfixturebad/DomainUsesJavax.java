package dev.truss.domain.archfixturebad;

import javax.sql.DataSource;

/** Architecture fixture, a violation: the domain using a {@code javax} type. */
public final class DomainUsesJavax {
  DataSource dataSource;
}
