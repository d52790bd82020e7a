package tools.jackson.archfixture;

/** Architecture fixture: stands in for a Jackson 3 type. */
public final class Jackson3Stub {
}
