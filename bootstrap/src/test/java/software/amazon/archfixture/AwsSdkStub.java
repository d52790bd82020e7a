package software.amazon.archfixture;

/** Architecture fixture: stands in for a type of a library only adapters may use. */
public final class AwsSdkStub {}
