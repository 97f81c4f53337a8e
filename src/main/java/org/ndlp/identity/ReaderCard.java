package org.ndlp.identity;

import java.time.Instant;

import org.ndlp.shared.LibraryCode;

/**
 * A library's reader card (读者证) bound to a reader account; a card number is unique within
 * its library.
 *
 * @param library the library that issued the card
 * @param number the card number
 * @param boundAt when the reader bound it
 */
public record ReaderCard(LibraryCode library, String number, Instant boundAt) {
}
