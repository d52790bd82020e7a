package dev.truss.application.archfixtureframeworks;

import org.bytedeco.archfixture.BytedecoStub;

/** Architecture fixture, a violation: the application using a framework type. */
public final class ApplicationUsesBytedeco {
  BytedecoStub stub;
}
