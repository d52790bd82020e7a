/**
 * The use cases of Truss, one class per user action, and the ports they need (in
 * {@code dev.truss.application.port}). Depends on the domain and the JDK only; adapters plug
 * technologies into the ports, and {@code bootstrap} wires them.
 */
package dev.truss.application;
