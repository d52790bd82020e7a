/**
 * Every storage port of the core over one {@link dev.truss.singletable.Table}: the key design
 * ({@code Keys}), one generic JSON codec for the entities, paging by start key, and clips
 * sharded over several partitions with a merged listing. Built by {@link
 * dev.truss.singletable.stores.SingleTableStores#on}; the durable job queue, {@link
 * dev.truss.singletable.stores.TableJobQueue}, lives in the same table.
 */
package dev.truss.singletable.stores;
