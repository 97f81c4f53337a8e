package org.ndlp.oaipmh;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.ndlp.members.MemberLibraries;
import org.ndlp.members.MemberLibrary;
import org.ndlp.oaipmh.internal.Harvester;
import org.ndlp.oaipmh.internal.JdbcHarvestSources;
import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.Conflict;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.NotFound;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.stereotype.Service;

/**
 * Member libraries' OAI-PMH repositories that NDLP harvests. A source is managed by the
 * admins of its library, its province or the nation (as the registry entry is);
 * cataloguers see nothing here.
 */
@Service
public class HarvestSources {

	private final JdbcHarvestSources sources;

	private final Harvester harvester;

	private final MemberLibraries libraries;

	private final Clock clock;

	public HarvestSources(JdbcHarvestSources sources, Harvester harvester, MemberLibraries libraries, Clock clock) {
		this.sources = sources;
		this.harvester = harvester;
		this.libraries = libraries;
		this.clock = clock;
	}

	/** The sources of the libraries the user may administer. */
	public List<HarvestSource> list(CurrentUser user) {
		return this.sources.all()
			.stream()
			.map(JdbcHarvestSources.Row::source)
			.filter((source) -> this.libraries.find(source.library())
				.map((library) -> this.libraries.mayAdminister(user, library))
				.orElse(false))
			.toList();
	}

	public HarvestSource get(long id, CurrentUser user) {
		HarvestSource source = find(id);
		check(user, source.library());
		return source;
	}

	/** Adds a source; it is first due at once when enabled. */
	public HarvestSource create(HarvestSourceDraft draft, CurrentUser user) {
		LibraryCode library = library(draft.library());
		check(user, library);
		valid(draft);
		long id = this.sources.insert(library, draft.baseUrl().strip(), draft.metadataPrefix().strip(),
				blankToNull(draft.set()), draft.intervalMinutes(), draft.enabled(), user.username(),
				this.clock.instant());
		return find(id);
	}

	public HarvestSource update(long id, HarvestSourceDraft draft, CurrentUser user) {
		HarvestSource source = get(id, user);
		if (!source.library().equals(library(draft.library()))) {
			throw new InvalidInput("library", "a source's library cannot change; add a new source");
		}
		valid(draft);
		this.sources.update(id, draft.baseUrl().strip(), draft.metadataPrefix().strip(), blankToNull(draft.set()),
				draft.intervalMinutes(), draft.enabled());
		return find(id);
	}

	public void delete(long id, CurrentUser user) {
		HarvestSource source = get(id, user);
		if (HarvestSource.RUNNING.equals(source.status())) {
			throw new Conflict("harvest-running", "id", "the source is being harvested; delete it when the run ends");
		}
		this.sources.delete(id);
	}

	/**
	 * Runs the source now in the caller's thread (the console and tests); 409 when a run
	 * holds it.
	 */
	public HarvestSource runNow(long id, CurrentUser user) {
		get(id, user);
		if (!this.harvester.runIfFree(id)) {
			throw new Conflict("harvest-running", "id", "the source is being harvested by another run");
		}
		return find(id);
	}

	/**
	 * The records of the current or last run that could not be stored: OAI identifier and
	 * reason.
	 */
	public List<HarvestFailure> failures(long id, int limit, CurrentUser user) {
		get(id, user);
		return this.sources.failures(id, Math.max(1, Math.min(limit, 1000)))
			.stream()
			.map((failure) -> new HarvestFailure(failure[0], failure[1]))
			.toList();
	}

	private HarvestSource find(long id) {
		return this.sources.find(id)
			.map(JdbcHarvestSources.Row::source)
			.orElseThrow(() -> new NotFound("no harvest source " + id));
	}

	private void check(CurrentUser user, LibraryCode code) {
		MemberLibrary library = this.libraries.find(code).orElseThrow(() -> new NotFound("no library " + code));
		if (!this.libraries.mayAdminister(user, library)) {
			throw new OutOfScope(user.username() + " (" + user.role() + " of " + user.library()
					+ ") may not manage the harvest sources of " + code);
		}
	}

	private static LibraryCode library(String value) {
		try {
			return LibraryCode.of(value);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("library", ex.getMessage());
		}
	}

	private static void valid(HarvestSourceDraft draft) {
		try {
			URI uri = URI.create(draft.baseUrl().strip());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
				throw new InvalidInput("baseUrl", "the base URL must be an http or https URL");
			}
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidInput("baseUrl", "the base URL must be an http or https URL");
		}
		if (draft.metadataPrefix() == null || draft.metadataPrefix().isBlank()) {
			throw new InvalidInput("metadataPrefix",
					"give a MARCXML format (e.g. marc21, MARC21-xml, marcxchange) for catalog records, or oai_dc "
							+ "to register the repository's records as self-built resources");
		}
		if (draft.intervalMinutes() < 1) {
			throw new InvalidInput("intervalMinutes", "at least one minute between runs");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
