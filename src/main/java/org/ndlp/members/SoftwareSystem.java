package org.ndlp.members;

/**
 * The project's software systems, from the city-level software configuration standard
 * (《地（市）级数字图书馆软件配置标准》): mandatory (必配) and optional (选配) ones, and the service platforms
 * the deck names.
 */
public enum SoftwareSystem {

	UNIFIED_AUTHENTICATION("统一用户认证系统", "Unified user authentication", true),

	UNIQUE_IDENTIFIER("唯一标识符系统", "Unique identifier system (CDOI)", true),

	GOV_INFO_PLATFORM("政府公开信息整合服务平台", "Government open information platform", true),

	COPYRIGHT_MANAGEMENT("版权信息管理系统", "Copyright information management", false),

	WENJIN_SEARCH("文津搜索", "Wenjin search", false),

	DIGITIZATION("文献数字化系统", "Digitization", false),

	MOBILE_READING("移动阅读平台", "Mobile reading platform", false),

	DIGITAL_TV("数字电视图书馆", "Digital TV library", false),

	DISABLED_ACCESS("残疾人数字图书馆", "Digital library for disabled persons", false);

	private final String nameZh;

	private final String nameEn;

	private final boolean mandatory;

	SoftwareSystem(String nameZh, String nameEn, boolean mandatory) {
		this.nameZh = nameZh;
		this.nameEn = nameEn;
		this.mandatory = mandatory;
	}

	public String nameZh() {
		return this.nameZh;
	}

	public String nameEn() {
		return this.nameEn;
	}

	/** Whether the configuration standard makes the system mandatory (必配). */
	public boolean mandatory() {
		return this.mandatory;
	}

}
