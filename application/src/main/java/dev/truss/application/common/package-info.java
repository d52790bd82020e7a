/** What every use case shares: typed outcomes and paging by opaque, authenticated cursor. */
package dev.truss.application.common;
