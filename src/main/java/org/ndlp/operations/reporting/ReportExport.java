package org.ndlp.operations.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.ndlp.operations.reporting.ReportView.Part;

/**
 * Writes a report as the summary sheet a provincial office files (工作报送汇总表): a title,
 * Chinese column headers, one row per library (each included lower-level report, then the
 * reporting library itself), and a totals row (合计). Plain POI, no framework.
 */
final class ReportExport {

	/** Columns before the figures. */
	private static final String[] HEAD = { "序号", "图书馆代码", "图书馆名称", "报送状态" };

	private ReportExport() {
	}

	static void write(ReportView report, OutputStream out) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			Sheet sheet = workbook.createSheet(report.year() + "Q" + report.quarter());
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle header = workbook.createCellStyle();
			header.cloneStyleFrom(bold);
			header.setAlignment(HorizontalAlignment.CENTER);
			header.setBorderBottom(BorderStyle.THIN);
			header.setWrapText(true);
			CellStyle money = workbook.createCellStyle();
			money.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
			CellStyle count = workbook.createCellStyle();
			count.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));

			int columns = HEAD.length + Figure.values().length;
			Row title = sheet.createRow(0);
			cell(title, 0, report.libraryName() + " " + report.year() + "年第" + report.quarter() + "季度工作报送汇总表", bold);
			sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, columns - 1));
			Row info = sheet.createRow(1);
			cell(info, 0, "报送单位：" + report.libraryName() + "（" + report.libraryCode() + "）　报送至：" + report.submittedTo()
					+ "　状态：" + report.status().nameZh() + "　截止日期：" + report.dueOn(), null);
			sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns - 1));

			Row head = sheet.createRow(3);
			for (int i = 0; i < HEAD.length; i++) {
				cell(head, i, HEAD[i], header);
			}
			for (Figure figure : Figure.values()) {
				cell(head, HEAD.length + figure.ordinal(), figure.nameZh(), header);
			}
			List<Part> rows = new ArrayList<>(report.included());
			rows.add(new Part(report.libraryCode(), report.libraryName() + "（本馆）", report.status(), report.figures()));
			int r = 4;
			for (Part part : rows) {
				Row row = sheet.createRow(r);
				row.createCell(0).setCellValue(r - 3);
				cell(row, 1, part.libraryCode().value(), null);
				cell(row, 2, part.libraryName(), null);
				cell(row, 3, (part.status() != null) ? part.status().nameZh() : "未报送", null);
				figures(row, part.totals(), money, count, null);
				r++;
			}
			Row totals = sheet.createRow(r);
			cell(totals, 2, "合计", bold);
			figures(totals, report.totals(), money, count, bold);
			if (!report.missing().isEmpty()) {
				Row note = sheet.createRow(r + 2);
				cell(note, 0,
						"未纳入汇总（未审核通过）：" + String.join("、",
								report.missing()
									.stream()
									.map((part) -> part.libraryName() + "（" + part.libraryCode() + "）")
									.toList()),
						null);
			}
			sheet.setColumnWidth(1, 18 * 256);
			sheet.setColumnWidth(2, 28 * 256);
			sheet.setColumnWidth(3, 10 * 256);
			for (Figure figure : Figure.values()) {
				sheet.setColumnWidth(HEAD.length + figure.ordinal(), 16 * 256);
			}
			sheet.createFreezePane(3, 4);
			workbook.write(out);
		}
	}

	private static void figures(Row row, Figures figures, CellStyle money, CellStyle count, CellStyle bold) {
		for (Figure figure : Figure.values()) {
			BigDecimal value = (figures != null) ? figures.get(figure) : null;
			if (value != null) {
				Cell cell = row.createCell(HEAD.length + figure.ordinal());
				cell.setCellValue(value.doubleValue());
				cell.setCellStyle(figure.money() ? money : count);
			}
		}
	}

	private static void cell(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

}
