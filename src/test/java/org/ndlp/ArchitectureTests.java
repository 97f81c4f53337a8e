package org.ndlp;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/** House rules that the compiler does not check. */
class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.ndlp");

	@Test
	void xmlParsersComeOnlyFromTheSafeFactory() {
		noClasses().that()
			.resideOutsideOfPackage("org.ndlp.shared.xml")
			.should()
			.callMethod(javax.xml.parsers.DocumentBuilderFactory.class, "newInstance")
			.orShould()
			.callMethod(javax.xml.parsers.SAXParserFactory.class, "newInstance")
			.orShould()
			.callMethod(javax.xml.stream.XMLInputFactory.class, "newInstance")
			.orShould()
			.callMethod(javax.xml.stream.XMLInputFactory.class, "newFactory")
			.orShould()
			.callMethod(javax.xml.transform.TransformerFactory.class, "newInstance")
			.orShould()
			.callMethod(javax.xml.validation.SchemaFactory.class, "newInstance", String.class)
			.because("raw XML factories allow XXE; use org.ndlp.shared.xml.SafeXml")
			.check(this.classes);
	}

	@Test
	void noFieldInjection() {
		noFields().should()
			.beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
			.orShould()
			.beAnnotatedWith(org.springframework.beans.factory.annotation.Value.class)
			.because("dependencies come through constructors into final fields")
			.check(this.classes);
	}

	@Test
	void formatCodeIsFreeOfSpring() {
		noClasses().that()
			.resideInAnyPackage("org.ndlp.catalog.marc..", "org.ndlp.catalog.dc..")
			.and()
			.doNotHaveSimpleName("package-info")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.because("format code is plain Java, usable and testable without a framework")
			.allowEmptyShould(true)
			.check(this.classes);
	}

}
