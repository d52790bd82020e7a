package dev.truss.application.archfixtureframeworks;

import io.javalin.archfixture.JavalinStub;

/** Architecture fixture, a violation: the application using a framework type. */
public final class ApplicationUsesJavalin {
  JavalinStub stub;
}
