package org.ndlp.members.web;

import org.ndlp.members.Contact;
import org.ndlp.members.LibraryDraft;
import org.ndlp.members.LibraryLevel;
import org.ndlp.members.MemberLibrary;

/** The console's form over a registry entry (bean properties for Thymeleaf binding). */
public class LibraryForm {

	private String code;

	private String name;

	private String nameEn;

	private LibraryLevel level = LibraryLevel.CITY;

	private String parentCode;

	private String regionCode;

	private String address;

	private String contactName;

	private String contactPhone;

	private String contactEmail;

	static LibraryForm of(MemberLibrary library) {
		LibraryForm form = new LibraryForm();
		form.code = library.code().value();
		form.name = library.name();
		form.nameEn = library.nameEn();
		form.level = library.level();
		form.parentCode = (library.parentCode() != null) ? library.parentCode().value() : null;
		form.regionCode = library.regionCode().value();
		form.address = library.address();
		Contact contact = (library.contact() != null) ? library.contact() : Contact.NONE;
		form.contactName = contact.name();
		form.contactPhone = contact.phone();
		form.contactEmail = contact.email();
		return form;
	}

	LibraryDraft toDraft() {
		return new LibraryDraft(this.code, this.name, this.nameEn, this.level, this.parentCode, this.regionCode,
				this.address, new Contact(this.contactName, this.contactPhone, this.contactEmail));
	}

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getNameEn() {
		return this.nameEn;
	}

	public void setNameEn(String nameEn) {
		this.nameEn = nameEn;
	}

	public LibraryLevel getLevel() {
		return this.level;
	}

	public void setLevel(LibraryLevel level) {
		this.level = level;
	}

	public String getParentCode() {
		return this.parentCode;
	}

	public void setParentCode(String parentCode) {
		this.parentCode = parentCode;
	}

	public String getRegionCode() {
		return this.regionCode;
	}

	public void setRegionCode(String regionCode) {
		this.regionCode = regionCode;
	}

	public String getAddress() {
		return this.address;
	}

	public void setAddress(String address) {
		this.address = address;
	}

	public String getContactName() {
		return this.contactName;
	}

	public void setContactName(String contactName) {
		this.contactName = contactName;
	}

	public String getContactPhone() {
		return this.contactPhone;
	}

	public void setContactPhone(String contactPhone) {
		this.contactPhone = contactPhone;
	}

	public String getContactEmail() {
		return this.contactEmail;
	}

	public void setContactEmail(String contactEmail) {
		this.contactEmail = contactEmail;
	}

}
