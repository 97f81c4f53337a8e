package org.ndlp.identifiers;

import org.junit.jupiter.api.Test;

import org.ndlp.resources.ResourcesApiIT;
import org.ndlp.support.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registered resource reviewed and published by its province gets an identifier that
 * resolves to the resource's access URL; withdrawn, the identifier answers 410.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ResourceIdentifiersIT {

	private final int port;

	private final ResourceMinter minter;

	private final Identifiers identifiers;

	ResourceIdentifiersIT(@Autowired Environment environment, @Autowired ResourceMinter minter,
			@Autowired Identifiers identifiers) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
		this.minter = minter;
		this.identifiers = identifiers;
	}

	@Test
	void aPublishedResourceHasAnIdentifierThatResolvesToItsAccessUrl() {
		Http city = Http.as(this.port, "gz-cataloger");
		long id = city
			.post("/api/v1/resources",
					ResourcesApiIT.resource("CN-440100-GZL", "广州老字号口述史音频", "https://example.org/gz-oral-history/", 2016,
							120, "3.5"))
			.json()
			.get("id")
			.asLong();
		this.minter.catchUp();
		assertThat(this.identifiers.ofTarget(ResourceMinter.RESOURCE, Long.toString(id)))
			.as("no identifier before review")
			.isEmpty();

		assertThat(Http.as(this.port, "gd-admin").post("/api/v1/resources/" + id + "/approve", "{}").status())
			.isEqualTo(200);
		this.minter.catchUp();
		Identifier identifier = this.identifiers.ofTarget(ResourceMinter.RESOURCE, Long.toString(id)).orElseThrow();
		assertThat(identifier.title()).isEqualTo("广州老字号口述史音频");
		Http.Response resolved = Http.anonymous(this.port).get("/id/" + identifier.handle());
		assertThat(resolved.status()).as(resolved.toString()).isEqualTo(302);
		assertThat(resolved.location()).isEqualTo("https://example.org/gz-oral-history/");

		assertThat(city.post("/api/v1/resources/" + id + "/withdraw", "{}").status()).isEqualTo(200);
		this.minter.catchUp();
		assertThat(Http.anonymous(this.port).get("/id/" + identifier.handle()).status()).isEqualTo(410);
	}

}
