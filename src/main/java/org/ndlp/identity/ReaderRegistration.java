package org.ndlp.identity;

/**
 * A reader's sign-up: exactly one of e-mail address and mobile number.
 *
 * @param email the e-mail address, or {@code null}
 * @param phone the China mainland mobile number, or {@code null}
 * @param password the password chosen
 * @param displayName the name to show
 * @param homeLibrary the code of the reader's home library
 */
public record ReaderRegistration(String email, String phone, String password, String displayName, String homeLibrary) {
}
