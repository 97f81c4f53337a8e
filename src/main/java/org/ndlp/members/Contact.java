package org.ndlp.members;

/**
 * The library's named person for the project (专项负责人).
 *
 * @param name the person's name
 * @param phone a telephone number
 * @param email an e-mail address
 */
public record Contact(String name, String phone, String email) {

	public static final Contact NONE = new Contact(null, null, null);

}
