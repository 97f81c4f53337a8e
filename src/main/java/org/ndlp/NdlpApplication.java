package org.ndlp;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * NDLP, the software platform of China's Digital Library Promotion Project (数字图书馆推广工程).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NdlpApplication {

	@Bean
	Clock clock() {
		return Clock.systemDefaultZone();
	}

	public static void main(String[] args) {
		SpringApplication.run(NdlpApplication.class, args);
	}

}
