package org.ndlp.catalog.marc;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The format code stays framework-free and parses XML only through {@code SafeXml}.
 */
class MarcArchitectureTests {

	private static final JavaClasses MARC = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.ndlp.catalog.marc");

	@Test
	void doesNotDependOnSpring() {
		// package-info may carry the Modulith annotation that exposes the package to
		// other modules
		noClasses().that()
			.doNotHaveSimpleName("package-info")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.check(MARC);
	}

	@Test
	void createsNoXmlParserFactoriesOfItsOwn() {
		noClasses().should()
			.callMethod(javax.xml.stream.XMLInputFactory.class, "newInstance")
			.orShould()
			.callMethod(javax.xml.stream.XMLInputFactory.class, "newFactory")
			.orShould()
			.callMethod(javax.xml.parsers.DocumentBuilderFactory.class, "newInstance")
			.orShould()
			.callMethod(javax.xml.parsers.SAXParserFactory.class, "newInstance")
			.check(MARC);
	}

}
