package org.ndlp.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.ndlp.resources.ResourcesApiIT;
import org.ndlp.support.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registered resources in unified search: reviewed and published by the province, a city
 * library's video collection is found (also by its traditional-character title) with its
 * resource type as a facet; withdrawn, it is gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ResourceSearchIT {

	private final int port;

	ResourceSearchIT(@Autowired Environment environment) {
		this.port = environment.getRequiredProperty("local.server.port", Integer.class);
	}

	@Test
	void aPublishedResourceIsFoundByUnifiedSearchAndWithdrawnIsNot() throws Exception {
		Http city = Http.as(this.port, "gz-cataloger");
		long id = city
			.post("/api/v1/resources",
					ResourcesApiIT.resource("CN-440100-GZL", "岭南粤剧名家唱段视频库", "https://example.org/yueju/", 2016, 300,
							"80"))
			.json()
			.get("id")
			.asLong();
		Http reader = Http.anonymous(this.port);
		String query = "/api/v1/search?q=" + enc("粤剧名家");
		assertThat(reader.get(query).json().get("total").asLong()).as("not searchable before review").isZero();

		assertThat(Http.as(this.port, "gd-admin").post("/api/v1/resources/" + id + "/approve", "{}").status())
			.isEqualTo(200);
		JsonNode found = await(query, 1);
		JsonNode hit = found.get("hits").get(0);
		assertThat(hit.get("id").asString()).isEqualTo("res-" + id);
		assertThat(hit.get("kind").asString()).isEqualTo("resource");
		assertThat(hit.get("url").asString()).isEqualTo("https://example.org/yueju/");
		assertThat(hit.get("libraries").toString()).contains("CN-440100-GZL");
		assertThat(found.get("facets").get("resourceType").toString()).contains("VIDEO");
		// traditional characters find it too, and the facet filter keeps it
		assertThat(reader.get("/api/v1/search?q=" + enc("粵劇名家") + "&filter=" + enc("resourceType:VIDEO"))
			.json()
			.get("total")
			.asLong()).isEqualTo(1);
		// the portal shows it with a link to the resource itself
		assertThat(reader.get("/?q=" + enc("粤剧名家")).text()).contains("https://example.org/yueju/");

		assertThat(city.post("/api/v1/resources/" + id + "/withdraw", "{}").status()).isEqualTo(200);
		await(query, 0);
	}

	private JsonNode await(String query, int total) throws InterruptedException {
		JsonNode result = null;
		for (int i = 0; i < 300; i++) {
			result = Http.anonymous(this.port).get(query).json();
			if (result.get("total").asLong() == total) {
				return result;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("search did not reach " + total + " hits: " + result);
	}

	private static String enc(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

}
