/** Reading a creator's daily analytics; counters are incremented by the use cases that do the counted work. */
package dev.truss.application.analytics;
