package dev.truss.application.archfixtureframeworks;

import software.amazon.archfixture.AwsSdkStub;

/** Architecture fixture, a violation: the application using a framework type. */
public final class ApplicationUsesAwsSdk {
  AwsSdkStub stub;
}
