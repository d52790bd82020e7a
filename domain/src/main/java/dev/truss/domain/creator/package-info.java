/** Creators: the people who log in, upload videos and own everything else in their partition. */
package dev.truss.domain.creator;
