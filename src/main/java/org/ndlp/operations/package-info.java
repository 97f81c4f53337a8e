/**
 * The operations management platform (推广工程运行管理平台): three-tier dashboards computed from
 * the other modules' records, quarterly reporting city → province → NLC → ministry, and
 * the assessment (评估定级).
 */
@ApplicationModule(displayName = "Operations")
package org.ndlp.operations;

import org.springframework.modulith.ApplicationModule;
