package dev.truss.application.archfixtureframeworks;

import tools.jackson.archfixture.Jackson3Stub;

/** Architecture fixture, a violation: the application using a framework type. */
public final class ApplicationUsesJackson3 {
  Jackson3Stub stub;
}
