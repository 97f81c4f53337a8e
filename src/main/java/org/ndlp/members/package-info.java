/**
 * Member libraries (NLC → provincial → city → county) and each library's dated deployment
 * history: hardware configuration standard, VPN link, software systems, money received.
 */
@ApplicationModule(displayName = "Members")
package org.ndlp.members;

import org.springframework.modulith.ApplicationModule;
