package dev.truss.singletable.archfixturegood;

import dev.truss.application.archfixturegoodport.GoodPort;
import dev.truss.domain.archfixturegood.GoodDomainValue;
import tools.jackson.archfixture.Jackson3Stub;

/** Architecture fixture, well-behaved: the single-table layer on the core and Jackson. */
public final class GoodTableStore {
  GoodPort port;
  GoodDomainValue value;
  Jackson3Stub json;
}
