/**
 * Value types used everywhere (library and region codes), XXE-safe XML parsing, problem
 * details and the current-user value. No services.
 */
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
package org.ndlp.shared;

import org.springframework.modulith.ApplicationModule;
