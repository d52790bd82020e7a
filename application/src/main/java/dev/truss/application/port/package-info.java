/**
 * The ports the use cases need, named for what they do: storage (in {@code storage}), media
 * (in {@code media}), platforms (in {@code platform}), and here object storage, mail, the job
 * queue, ids and secret sealing. Time comes from {@link java.time.Clock}.
 */
package dev.truss.application.port;
