package org.ndlp.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
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

import org.ndlp.shared.problem.InvalidInput;
import org.ndlp.shared.problem.ProblemException;
import org.ndlp.shared.security.CurrentUser;
import org.ndlp.shared.table.Tables;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk registration from the Excel/CSV template (Chinese headers; English keys accepted).
 * Every row is checked first. Mode {@link Mode#ALL}: nothing is stored unless every row
 * is good. Mode {@link Mode#VALID_ONLY} (the user's explicit choice): the good rows are
 * registered and the bad ones reported.
 */
@Service
public class ResourceUpload {

	/** Column keys in template order with their Chinese headers. */
	static final String[][] COLUMNS = { { "title", "题名" }, { "creator", "责任者" }, { "subject", "主题" },
			{ "description", "描述" }, { "publisher", "出版者" }, { "contributor", "其他责任者" }, { "date", "日期" },
			{ "dcType", "DC类型" }, { "format", "格式" }, { "identifier", "标识符" }, { "source", "来源" }, { "language", "语种" },
			{ "relation", "关联" }, { "coverage", "时空范围" }, { "rights", "权限与获取条件" }, { "resourceType", "资源类型" },
			{ "sizeGb", "数据量(GB)" }, { "itemCount", "数量(条/件)" }, { "accessUrl", "访问地址" }, { "thematic", "专题库" },
			{ "library", "建设馆代码" }, { "yearBuilt", "建设年份" } };

	private static final int MAX_ROWS = 20_000;

	private final ResourceRegistry registry;

	private final TransactionTemplate transactions;

	public ResourceUpload(ResourceRegistry registry, TransactionTemplate transactions) {
		this.registry = registry;
		this.transactions = transactions;
	}

	/** Whether to import only a file without errors, or its good rows. */
	public enum Mode {

		/** All or nothing (the default). */
		ALL,

		/** Register the good rows and report the bad ones. */
		VALID_ONLY;

		/** Parses {@code all} or {@code valid-only} (blank: all). */
		public static Mode parse(String value) {
			if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("all")) {
				return ALL;
			}
			if (value.strip().equalsIgnoreCase("valid-only") || value.strip().equalsIgnoreCase("VALID_ONLY")) {
				return VALID_ONLY;
			}
			throw new InvalidInput("mode",
					"mode is all (nothing until every row is good) or valid-only, got: " + value);
		}

	}

	/** The file types of the template. */
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

		/** From a file name or media type; CSV when neither tells. */
		public static Format guess(String fileName, String mediaType) {
			String name = (fileName != null) ? fileName.toLowerCase(Locale.ROOT) : "";
			if (name.endsWith(".xlsx") || (mediaType != null && mediaType.contains("spreadsheetml"))) {
				return XLSX;
			}
			return CSV;
		}

	}

	/**
	 * What an upload did.
	 *
	 * @param rows data rows read
	 * @param registered resources registered
	 * @param imported whether anything was stored
	 * @param mode the mode used
	 * @param ids the registered resources
	 * @param flaggedDuplicates of those, how many were flagged as possible duplicates
	 * @param errors one entry per bad row
	 */
	public record UploadReport(int rows, int registered, boolean imported, Mode mode, List<Long> ids,
			int flaggedDuplicates, List<RowError> errors) {
	}

	/**
	 * A bad row.
	 *
	 * @param row the row number in the file (the header is row 1)
	 * @param title the row's title as given
	 * @param field the column at fault (its key)
	 * @param column the column's Chinese header
	 * @param message what is wrong
	 */
	public record RowError(int row, String title, String field, String column, String message) {
	}

	/** Reads and registers a file under the mode's rule. */
	public UploadReport upload(InputStream in, Format format, Mode mode, CurrentUser user) throws IOException {
		List<Map<String, String>> rows;
		try {
			rows = read(in, format);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInput("file", ex.getMessage());
		}
		return this.transactions.execute((status) -> {
			List<RowError> errors = new ArrayList<>();
			List<ResourceRegistry.Checked> good = new ArrayList<>();
			for (int i = 0; i < rows.size(); i++) {
				Map<String, String> row = rows.get(i);
				int number = i + 2;
				try {
					good.add(this.registry.check(draft(row), user, null, null));
				}
				catch (ProblemException ex) {
					String field = (ex.field() != null) ? ex.field() : "library";
					errors.add(new RowError(number, row.get("title"), field, header(field), ex.getMessage()));
				}
			}
			if (!errors.isEmpty() && mode == Mode.ALL) {
				return new UploadReport(rows.size(), 0, false, mode, List.of(), 0, errors);
			}
			List<Long> ids = new ArrayList<>();
			int flagged = 0;
			for (ResourceRegistry.Checked checked : good) {
				Resource stored = this.registry.store(checked);
				ids.add(stored.id());
				flagged += stored.duplicates().isEmpty() ? 0 : 1;
			}
			return new UploadReport(rows.size(), ids.size(), !ids.isEmpty(), mode, ids, flagged, errors);
		});
	}

	/**
	 * Writes the template: Chinese headers, two example rows, and (in Excel) a second
	 * sheet explaining each column and its allowed values.
	 */
	public void template(Format format, OutputStream out) throws IOException {
		List<List<String>> examples = List.of(
				List.of("广州记忆：老照片数据库", "广州图书馆", "广州；地方史；老照片", "馆藏1900-1980年广州城市老照片的数字化图像与著录", "广州图书馆", "", "2012",
						"StillImage", "JPEG", "GZL-LZP-2012", "", "chi", "", "广州；1900-1980", "馆内局域网免费浏览；馆外需注册读者证", "图像",
						"120.5", "8600", "https://www.gzlib.org.cn/lzp/", "地方文献", "CN-440100-GZL", "2012"),
				List.of("岭南讲坛视频讲座", "广州图书馆", "讲座；岭南文化", "2011-2012年岭南讲坛讲座录像", "广州图书馆", "", "2012", "MovingImage", "MP4",
						"", "", "chi", "", "", "公开", "视频", "860", "96", "https://www.gzlib.org.cn/lnjt/", "人文悦读",
						"CN-440100-GZL", "2012"));
		if (format == Format.XLSX) {
			try (Workbook workbook = new XSSFWorkbook()) {
				Sheet sheet = workbook.createSheet("资源登记");
				Row header = sheet.createRow(0);
				for (int i = 0; i < COLUMNS.length; i++) {
					header.createCell(i).setCellValue(COLUMNS[i][1]);
				}
				for (int r = 0; r < examples.size(); r++) {
					Row row = sheet.createRow(r + 1);
					for (int i = 0; i < examples.get(r).size(); i++) {
						row.createCell(i).setCellValue(examples.get(r).get(i));
					}
				}
				Sheet help = workbook.createSheet("填写说明");
				int r = 0;
				for (String[] line : help()) {
					Row row = help.createRow(r++);
					row.createCell(0).setCellValue(line[0]);
					row.createCell(1).setCellValue(line[1]);
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
			for (List<String> example : examples) {
				printer.printRecord(example);
			}
		}
	}

	private static List<String[]> help() {
		List<String[]> lines = new ArrayList<>();
		lines.add(new String[] { "列", "说明" });
		lines.add(new String[] { "题名", "必填，最长500字" });
		lines.add(new String[] { "资源类型", "必填：文本、图像、音频、视频、数据库、网页归档、多媒体、其他" });
		lines.add(new String[] { "建设年份", "必填，四位年份" });
		lines.add(new String[] { "建设馆代码", "可空：空则为登录人员所在馆；只能登记本馆资源" });
		lines.add(new String[] { "专题库", "地方文献、网事典藏、人文悦读、图林拾珍，或空（无）" });
		lines.add(new String[] { "数据量(GB)", "数字，可带小数" });
		lines.add(new String[] { "数量(条/件)", "整数" });
		lines.add(new String[] { "访问地址", "http:// 或 https:// 开头" });
		lines.add(new String[] { "其余各列", "都柏林核心元素，选填；填得越全，质量等级越高（A/B/C）" });
		lines.add(new String[] { "示例行", "第2、3行是示例，请替换为本馆资源" });
		return lines;
	}

	static ResourceDraft draft(Map<String, String> row) {
		return new ResourceDraft(row.get("library"), row.get("title"), row.get("creator"), row.get("subject"),
				row.get("description"), row.get("publisher"), row.get("contributor"), row.get("date"),
				row.get("dcType"), row.get("format"), row.get("identifier"), row.get("source"), row.get("language"),
				row.get("relation"), row.get("coverage"), row.get("rights"), row.get("resourceType"),
				number("sizeGb", row.get("sizeGb")), whole("itemCount", row.get("itemCount")), row.get("accessUrl"),
				row.get("thematic"), year(row.get("yearBuilt")));
	}

	private static BigDecimal number(String field, String value) {
		if (value == null) {
			return null;
		}
		try {
			return new BigDecimal(value.replace(",", ""));
		}
		catch (NumberFormatException ex) {
			throw new InvalidInput(field, header(field) + " must be a number, got: " + value);
		}
	}

	private static Long whole(String field, String value) {
		BigDecimal n = number(field, value);
		if (n == null) {
			return null;
		}
		try {
			return n.longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new InvalidInput(field, header(field) + " must be a whole number, got: " + value);
		}
	}

	private static Integer year(String value) {
		Long n = whole("yearBuilt", value);
		return (n != null) ? Math.toIntExact(Math.max(Math.min(n, 9999), -1)) : null;
	}

	static String header(String key) {
		for (String[] column : COLUMNS) {
			if (column[0].equals(key)) {
				return column[1];
			}
		}
		return key;
	}

	/** Rows as column key → value, mapping Chinese or English headers to keys. */
	static List<Map<String, String>> read(InputStream in, Format format) throws IOException {
		List<List<String>> table = (format == Format.XLSX) ? Tables.readXlsx(in) : Tables.readCsv(in);
		Map<Integer, String> keys = Tables.headerKeys(table, COLUMNS);
		for (String required : List.of("title", "resourceType", "yearBuilt")) {
			if (!keys.containsValue(required)) {
				throw new IllegalArgumentException(
						"the header row lacks the column " + header(required) + " (" + required + ")");
			}
		}
		return Tables.rows(table, keys, MAX_ROWS);
	}

}
