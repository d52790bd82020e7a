package dev.truss.singletable.archfixturebad;

import software.amazon.archfixture.AwsSdkStub;

/** Architecture fixture, a violation: the backend-neutral key design using a backend's SDK. */
public final class SingleTableUsesAwsSdk {
  AwsSdkStub sdk;
}
