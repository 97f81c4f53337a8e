package org.ndlp.identifiers;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.ProblemException;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.table.Tables;

import org.springframework.stereotype.Service;

/**
 * Batch registration of existing identifiers from CSV (UTF-8) or Excel (.xlsx). Unlike
 * the registry import this is row by row: each good row is stored in its own transaction
 * and each bad row is reported with its number and what is wrong, so a legacy list can be
 * sent again after fixing the bad rows (the stored ones then report "exists"). Columns
 * (English or Chinese headers): {@code identifier} (prefix/suffix with its check
 * character) or {@code prefix} + {@code type} + {@code localName} (the check character is
 * appended); {@code url}, optional {@code mediaType}, {@code title}.
 */
@Service
public class IdentifierTransfer {

	static final String[][] COLUMNS = { { "identifier", "标识符" }, { "prefix", "前缀" }, { "type", "资源类型" },
			{ "localName", "本地名称" }, { "url", "地址" }, { "mediaType", "媒体类型" }, { "title", "题名" } };

	private static final int MAX_ROWS = 50_000;

	private final Identifiers identifiers;

	public IdentifierTransfer(Identifiers identifiers) {
		this.identifiers = identifiers;
	}

	/**
	 * What a batch registration did.
	 *
	 * @param rows data rows read
	 * @param registered rows stored
	 * @param failed rows not stored
	 * @param results one entry per row, in file order
	 */
	public record Report(int rows, int registered, int failed, List<RowResult> results) {
	}

	/**
	 * One row's outcome.
	 *
	 * @param row the row number in the file (the header is row 1)
	 * @param identifier the identifier (as registered, or as given when it failed)
	 * @param ok whether it was stored
	 * @param field the column at fault, when it failed
	 * @param message what is wrong, when it failed
	 */
	public record RowResult(int row, String identifier, boolean ok, String field, String message) {
	}

	/** Reads a file and registers each good row. */
	public Report register(InputStream in, String fileName, CurrentUser user) throws IOException {
		boolean xlsx = fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx");
		List<Map<String, String>> rows;
		try {
			rows = read(xlsx ? Tables.readXlsx(in) : Tables.readCsv(in));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("file", ex.getMessage());
		}
		List<RowResult> results = new ArrayList<>();
		int registered = 0;
		for (int i = 0; i < rows.size(); i++) {
			Map<String, String> row = rows.get(i);
			int number = i + 2;
			String given = (row.get("identifier") != null) ? row.get("identifier")
					: row.get("prefix") + "/" + row.get("type") + "." + row.get("localName");
			try {
				Identifier identifier = this.identifiers.mint(request(row), user);
				results.add(new RowResult(number, identifier.handle(), true, null, null));
				registered++;
			}
			catch (ProblemException ex) {
				results.add(new RowResult(number, given, false, ex.field(), ex.getMessage()));
			}
		}
		return new Report(rows.size(), registered, rows.size() - registered, results);
	}

	private static MintRequest request(Map<String, String> row) {
		List<Location> locations = (row.get("url") != null)
				? List.of(new Location(1, row.get("url"), row.get("mediaType"))) : List.of();
		String identifier = row.get("identifier");
		if (identifier != null) {
			Cdoi cdoi = Cdoi.parse(identifier);
			return new MintRequest(cdoi.prefix(), cdoi.type(), null, cdoi.suffix(), null, null, row.get("title"),
					locations);
		}
		if (row.get("prefix") == null || row.get("localName") == null) {
			throw new InvalidInput("identifier", "give either identifier, or prefix, type and localName");
		}
		CdoiType type = CdoiType.ofCode(row.get("type"));
		if (type == null) {
			throw new InvalidInput("type",
					"'" + row.get("type") + "' is not a resource-type code; use one of " + CdoiType.codes());
		}
		return new MintRequest(row.get("prefix"), type, row.get("localName"), null, null, null, row.get("title"),
				locations);
	}

	private static List<Map<String, String>> read(List<List<String>> table) {
		Map<Integer, String> keys = Tables.headerKeys(table, COLUMNS);
		if (!keys.containsValue("url")) {
			throw new IllegalArgumentException("the header row lacks the column url (地址)");
		}
		if (!keys.containsValue("identifier") && !keys.containsValue("localName")) {
			throw new IllegalArgumentException(
					"the header row needs identifier (标识符), or prefix (前缀), type (资源类型) and localName (本地名称)");
		}
		return Tables.rows(table, keys, MAX_ROWS);
	}

}
