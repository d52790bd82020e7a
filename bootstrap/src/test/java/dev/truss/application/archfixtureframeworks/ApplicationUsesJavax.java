package dev.truss.application.archfixtureframeworks;

import javax.crypto.Cipher;

/** Architecture fixture, a violation: the application using a {@code javax} type. */
public final class ApplicationUsesJavax {
  Cipher cipher;
}
