/** Ports to the publishing platforms: one publisher and one OAuth authorizer per platform. */
package dev.truss.application.port.platform;
