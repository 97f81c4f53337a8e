package org.ndlp.members;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.ndlp.shared.LibraryCode;
import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.ProblemException;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.table.Tables;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import and export of the registry as CSV (UTF-8) and Excel (.xlsx). An import is
 * all or nothing: every row is checked, each bad row is reported with its number, and
 * nothing is stored unless every row is good. A row whose code exists replaces that
 * entry.
 */
@Service
public class LibraryTransfer {

	/** Column keys in file order with their Chinese headers; imports accept either. */
	static final String[][] COLUMNS = { { "code", "代码" }, { "name", "名称" }, { "nameEn", "英文名称" }, { "level", "级别" },
			{ "parentCode", "上级馆代码" }, { "regionCode", "行政区划代码" }, { "address", "地址" }, { "contactName", "专项负责人" },
			{ "contactPhone", "联系电话" }, { "contactEmail", "电子邮件" } };

	private static final int MAX_ROWS = 20_000;

	private final MemberLibraries libraries;

	private final TransactionTemplate transactions;

	public LibraryTransfer(MemberLibraries libraries, TransactionTemplate transactions) {
		this.libraries = libraries;
		this.transactions = transactions;
	}

	/** The file types the registry is exchanged in. */
	public enum Format {

		CSV("text/csv", "csv"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx");

		private final String mediaType;

		private final String extension;

		Format(String mediaType, String extension) {
			this.mediaType = mediaType;
			this.extension = extension;
		}

		public String mediaType() {
			return this.mediaType;
		}

		public String extension() {
			return this.extension;
		}

		/**
		 * Guesses the format from a file name, then from a media type; CSV when neither
		 * tells.
		 */
		public static Format guess(String fileName, String mediaType) {
			String name = (fileName != null) ? fileName.toLowerCase(Locale.ROOT) : "";
			if (name.endsWith(".xlsx") || (mediaType != null && mediaType.contains("spreadsheetml"))) {
				return XLSX;
			}
			return CSV;
		}

	}

	/**
	 * What an import did.
	 *
	 * @param rows data rows read
	 * @param created entries created
	 * @param updated entries replaced
	 * @param imported whether anything was stored (false when any row was bad)
	 * @param errors one entry per bad row
	 */
	public record ImportReport(int rows, int created, int updated, boolean imported, List<RowError> errors) {
	}

	/**
	 * A bad row.
	 *
	 * @param row the row number in the file (the header is row 1)
	 * @param code the row's library code as given
	 * @param field the column at fault
	 * @param message what is wrong
	 */
	public record RowError(int row, String code, String field, String message) {
	}

	/** Writes libraries with a header row of Chinese column names. */
	public void export(List<MemberLibrary> rows, Format format, OutputStream out) throws IOException {
		if (format == Format.XLSX) {
			try (Workbook workbook = new XSSFWorkbook()) {
				Sheet sheet = workbook.createSheet("成员馆");
				Row header = sheet.createRow(0);
				for (int i = 0; i < COLUMNS.length; i++) {
					header.createCell(i).setCellValue(COLUMNS[i][1]);
				}
				int r = 1;
				for (MemberLibrary library : rows) {
					Row row = sheet.createRow(r++);
					List<String> values = values(library);
					for (int i = 0; i < values.size(); i++) {
						row.createCell(i).setCellValue((values.get(i) != null) ? values.get(i) : "");
					}
				}
				workbook.write(out);
			}
			return;
		}
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF'); // lets Excel open the UTF-8 file with Chinese intact
		try (CSVPrinter printer = CSVFormat.RFC4180.print(writer)) {
			List<String> header = new ArrayList<>();
			for (String[] column : COLUMNS) {
				header.add(column[1]);
			}
			printer.printRecord(header);
			for (MemberLibrary library : rows) {
				printer.printRecord(values(library));
			}
		}
	}

	/** Reads a file and imports it all, or nothing when any row is bad. */
	public ImportReport importFile(InputStream in, Format format, CurrentUser user) throws IOException {
		List<Map<String, String>> rows;
		try {
			rows = read(in, format);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("file", ex.getMessage());
		}
		ImportReport report = this.transactions.execute((status) -> {
			ImportReport result = apply(rows, user);
			if (!result.imported()) {
				status.setRollbackOnly();
			}
			return result;
		});
		return report;
	}

	private ImportReport apply(List<Map<String, String>> rows, CurrentUser user) {
		List<RowError> errors = new ArrayList<>();
		int created = 0;
		int updated = 0;
		for (int i = 0; i < rows.size(); i++) {
			Map<String, String> row = rows.get(i);
			int rowNumber = i + 2;
			String code = row.get("code");
			try {
				LibraryDraft draft = draft(row);
				LibraryCode parsed = LibraryCode.of(code);
				if (this.libraries.find(parsed).isPresent()) {
					this.libraries.update(parsed, draft, user);
					updated++;
				}
				else {
					this.libraries.create(draft, user);
					created++;
				}
			}
			catch (ProblemException ex) {
				errors.add(new RowError(rowNumber, code, (ex.field() != null) ? ex.field() : "code", ex.getMessage()));
			}
			catch (IllegalArgumentException ex) {
				errors.add(new RowError(rowNumber, code, "code", ex.getMessage()));
			}
		}
		boolean ok = errors.isEmpty();
		return new ImportReport(rows.size(), ok ? created : 0, ok ? updated : 0, ok, errors);
	}

	private static LibraryDraft draft(Map<String, String> row) {
		return new LibraryDraft(row.get("code"), row.get("name"), row.get("nameEn"), level(row.get("level")),
				row.get("parentCode"), row.get("regionCode"), row.get("address"),
				new Contact(row.get("contactName"), row.get("contactPhone"), row.get("contactEmail")));
	}

	private static LibraryLevel level(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		for (LibraryLevel level : LibraryLevel.values()) {
			if (level.name().equalsIgnoreCase(value.strip()) || level.nameZh().equals(value.strip())) {
				return level;
			}
		}
		throw new InvalidInput("level",
				"level must be NATIONAL, PROVINCIAL, CITY or COUNTY (国家馆/省级馆/地市级馆/县级馆), got: " + value);
	}

	/** Reads rows as column key → value, mapping Chinese or English headers to keys. */
	static List<Map<String, String>> read(InputStream in, Format format) throws IOException {
		List<List<String>> table = (format == Format.XLSX) ? Tables.readXlsx(in) : Tables.readCsv(in);
		Map<Integer, String> keys = Tables.headerKeys(table, COLUMNS);
		for (String required : List.of("code", "name", "level", "regionCode")) {
			if (!keys.containsValue(required)) {
				throw new IllegalArgumentException(
						"the header row lacks the column " + required + " (" + chineseHeader(required) + ")");
			}
		}
		return Tables.rows(table, keys, MAX_ROWS);
	}

	private static String chineseHeader(String key) {
		for (String[] column : COLUMNS) {
			if (column[0].equals(key)) {
				return column[1];
			}
		}
		return key;
	}

	private static List<String> values(MemberLibrary library) {
		Contact contact = (library.contact() != null) ? library.contact() : Contact.NONE;
		List<String> values = new ArrayList<>();
		values.add(library.code().value());
		values.add(library.name());
		values.add(library.nameEn());
		values.add(library.level().name());
		values.add((library.parentCode() != null) ? library.parentCode().value() : null);
		values.add(library.regionCode().value());
		values.add(library.address());
		values.add(contact.name());
		values.add(contact.phone());
		values.add(contact.email());
		return values;
	}

}
