package org.ndlp.shared.table;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ooxml.POIXMLException;
import org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the spreadsheets staff upload (library registry, resource registration,
 * identifier registration) as rows of cell texts: UTF-8 CSV (RFC 4180) or the first sheet
 * of an .xlsx workbook, cells formatted as Excel shows them. A file that is not what it
 * claims is an {@link IllegalArgumentException} saying so.
 */
public final class Tables {

	private Tables() {
	}

	public static List<List<String>> readCsv(InputStream in) throws IOException {
		List<List<String>> table = new ArrayList<>();
		CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get();
		try (CSVParser parser = CSVParser.parse(new InputStreamReader(in, StandardCharsets.UTF_8), format)) {
			for (CSVRecord record : parser) {
				table.add(record.toList());
			}
		}
		catch (UncheckedIOException ex) {
			throw new IllegalArgumentException("not a readable CSV file: " + ex.getMessage());
		}
		return table;
	}

	/**
	 * Which column of the header row holds which key: a header cell names a column by its
	 * key (any case) or its Chinese header; a byte order mark is ignored.
	 * @param table the rows as read, header first
	 * @param columns pairs of {key, Chinese header}
	 * @throws IllegalArgumentException when the file has no rows
	 */
	public static Map<Integer, String> headerKeys(List<List<String>> table, String[][] columns) {
		if (table.isEmpty()) {
			throw new IllegalArgumentException("the file is empty: the first row must name the columns");
		}
		Map<Integer, String> keys = new HashMap<>();
		List<String> header = table.get(0);
		for (int i = 0; i < header.size(); i++) {
			String name = header.get(i).strip().replace("\uFEFF", "");
			for (String[] column : columns) {
				if (column[0].equalsIgnoreCase(name) || column[1].equals(name)) {
					keys.put(i, column[0]);
				}
			}
		}
		return keys;
	}

	/**
	 * The data rows under the header row as maps from column key to cell text
	 * ({@code null} for an empty cell), skipping empty rows.
	 * @param table the rows as read, header first
	 * @param keys the column key of each header position that is kept
	 * @param maxRows how many data rows a file may have
	 * @throws IllegalArgumentException when there are more
	 */
	public static List<Map<String, String>> rows(List<List<String>> table, Map<Integer, String> keys, int maxRows) {
		List<Map<String, String>> rows = new ArrayList<>();
		for (List<String> cells : table.subList(1, table.size())) {
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			if (rows.size() >= maxRows) {
				throw new IllegalArgumentException("more than " + maxRows + " rows; split the file");
			}
			Map<String, String> row = new HashMap<>();
			keys.forEach((index, key) -> row.put(key,
					(index < cells.size() && !cells.get(index).isBlank()) ? cells.get(index).strip() : null));
			rows.add(row);
		}
		return rows;
	}

	public static List<List<String>> readXlsx(InputStream in) throws IOException {
		List<List<String>> table = new ArrayList<>();
		DataFormatter formatter = new DataFormatter(Locale.ROOT);
		try (Workbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			for (Row row : sheet) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
					Cell cell = row.getCell(i);
					cells.add((cell != null) ? formatter.formatCellValue(cell) : "");
				}
				table.add(cells);
			}
		}
		catch (NotOfficeXmlFileException | POIXMLException ex) {
			throw new IllegalArgumentException("not a readable .xlsx file: " + ex.getMessage());
		}
		return table;
	}

}
