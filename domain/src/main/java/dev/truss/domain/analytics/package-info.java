/** Daily analytics: per-creator counters for each UTC day, incremented atomically by stores. */
package dev.truss.domain.analytics;
