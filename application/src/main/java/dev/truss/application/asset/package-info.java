/** Videos: presigned uploads, completing an upload (probe, reject, queue analysis), analysis, listing. */
package dev.truss.application.asset;
