package dev.truss.application.archfixtureframeworks;

import com.fasterxml.archfixture.JacksonStub;

/** Architecture fixture, a violation: the application using a framework type. */
public final class ApplicationUsesJackson {
  JacksonStub stub;
}
