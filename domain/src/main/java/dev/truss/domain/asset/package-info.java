/**
 * Assets: uploaded videos, their lifecycle (awaiting upload → uploaded → analysing → analysed |
 * failed), what probing found, and the chapters the analysis wrote.
 */
package dev.truss.domain.asset;
