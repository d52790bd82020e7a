/** Live streams: starting and ending them, feeding their chat to the spike detector, listing spikes. */
package dev.truss.application.stream;
