package dev.truss.application.archfixtureframeworks;

import jakarta.archfixture.JakartaStub;

/** Architecture fixture, a violation: the application using a framework type. */
public final class ApplicationUsesJakarta {
  JakartaStub stub;
}
