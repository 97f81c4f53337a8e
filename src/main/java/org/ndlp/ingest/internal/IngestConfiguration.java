package org.ndlp.ingest.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the poller that takes waiting and orphaned ingest jobs. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class IngestConfiguration {

}
