package dev.truss.domain.archfixturebad;

import javax.crypto.Cipher;

/** Architecture fixture, a violation: the domain using a {@code javax} type. */
public final class DomainUsesJavax {
  Cipher cipher;
}
