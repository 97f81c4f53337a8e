package org.ndlp.identity;

import org.ndlp.shared.problem.ProblemException;

/** A new verification code asked for before the resend interval has passed: 429. */
public class ResendTooSoon extends ProblemException {

	public ResendTooSoon(long seconds) {
		super(429, "resend-too-soon", "login", "a code was sent moments ago; ask again in " + seconds + " s");
	}

}
