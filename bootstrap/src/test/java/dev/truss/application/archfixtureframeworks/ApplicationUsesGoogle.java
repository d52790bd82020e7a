package dev.truss.application.archfixtureframeworks;

import com.google.archfixture.GoogleStub;

/** Architecture fixture, a violation: the application using a framework type. */
public final class ApplicationUsesGoogle {
  GoogleStub stub;
}
