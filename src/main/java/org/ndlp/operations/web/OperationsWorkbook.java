package org.ndlp.operations.web;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.ndlp.operations.Overview;
import org.ndlp.operations.Overview.LevelFigures;
import org.ndlp.operations.Overview.PlanYear;
import org.ndlp.operations.Overview.SystemUse;
import org.ndlp.operations.TrendPoint;
import org.ndlp.operations.UnitRow;

/**
 * Every table of the dashboard as one Excel workbook, a sheet per table, Chinese headers.
 */
final class OperationsWorkbook {

	private OperationsWorkbook() {
	}

	static void write(Overview overview, List<UnitRow> rows, List<TrendPoint> trend, OutputStream out)
			throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet levels = sheet(workbook, bold, "分级概况", "范围", "级别", "馆数", "列入建设计划", "平台建成", "硬件达标", "接入虚拟网", "获中央经费馆数",
					"中央经费（元）", "地方经费（元）");
			for (LevelFigures f : overview.levels()) {
				row(levels, overview.scopeName(), f.nameZh(), f.libraries(), f.platformPlanned(), f.platformCompleted(),
						f.hardwareStandardMet(), f.vpnConnected(), f.withCentralFunds(), f.centralFunds(),
						f.localFunds());
			}
			Sheet plans = sheet(workbook, bold, "建设计划完成情况", "级别", "计划年度", "计划数", "完成数", "完成率（%）");
			for (PlanYear p : overview.plans()) {
				row(plans, p.level().nameZh(), p.year(), p.planned(), p.done(), p.percent());
			}
			Sheet systems = sheet(workbook, bold, "系统部署", "系统", "必配", "国家馆", "省级馆", "地市级馆", "县级馆", "合计");
			for (SystemUse s : overview.systems()) {
				row(systems, s.nameZh(), s.mandatory() ? "是" : "否", s.national(), s.provincial(), s.city(), s.county(),
						s.total());
			}
			Sheet compare = sheet(workbook, bold, (overview.province() == null) ? "各省比较" : "各馆比较", "代码", "名称", "级别",
					"馆数", "平台建成", "硬件达标", "接入虚拟网", "已部署系统", "中央经费（元）", "地方经费（元）", "联合编目书目（条）", "其中独有书目（条）", "资源登记（条）");
			for (UnitRow r : rows) {
				row(compare, r.key(), r.name(), (r.level() != null) ? r.level() : "", r.libraries(),
						r.platformCompleted(), r.hardwareStandardMet(), r.vpnConnected(), r.systemsDeployed(),
						r.centralFunds(), r.localFunds(), r.catalogRecords(), r.uniqueRecords(),
						r.registeredResources());
			}
			Sheet years = sheet(workbook, bold, "历年趋势", "年度", "截至", "平台建成", "硬件达标", "接入虚拟网", "中央经费（元）", "地方经费（元）");
			for (TrendPoint t : trend) {
				row(years, t.year(), t.asOf().toString(), t.platformCompleted(), t.hardwareStandardMet(),
						t.vpnConnected(), t.centralFunds(), t.localFunds());
			}
			Sheet activity = sheet(workbook, bold, "培训与宣传", "项目", "数量");
			row(activity, "培训班（期）", overview.training().sessions());
			row(activity, "其中国家级培训班（期）", overview.training().nationalSessions());
			row(activity, "培训人次", overview.training().attendees());
			row(activity, "媒体报道（篇）", overview.press().reports());
			row(activity, "其中中央媒体", overview.press().central());
			row(activity, "其中地方媒体", overview.press().local());
			row(activity, "其中报道推广工程", overview.press().aboutProject());
			Sheet catalog = sheet(workbook, bold, "联合编目与资源登记", "项目", "数量");
			row(catalog, "贡献书目的图书馆（个）", overview.catalog().libraries());
			row(catalog, "联合编目书目（条）", overview.catalog().total().records());
			row(catalog, "其中独有书目（条）", overview.catalog().total().unique());
			row(catalog, "馆藏记录（条）", overview.catalog().total().holdings());
			row(catalog, "馆藏复本（册）", overview.catalog().total().copies());
			row(catalog, "资源登记（条）", overview.registrations().entries());
			row(catalog, "登记资源的图书馆（个）", overview.registrations().librariesRegistering());
			workbook.write(out);
		}
	}

	private static Sheet sheet(XSSFWorkbook workbook, CellStyle bold, String name, String... headers) {
		Sheet sheet = workbook.createSheet(name);
		Row header = sheet.createRow(0);
		for (int i = 0; i < headers.length; i++) {
			header.createCell(i).setCellValue(headers[i]);
			header.getCell(i).setCellStyle(bold);
			sheet.setColumnWidth(i, 16 * 256);
		}
		return sheet;
	}

	private static void row(Sheet sheet, Object... values) {
		Row row = sheet.createRow(sheet.getLastRowNum() + 1);
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value instanceof Number number && !(value instanceof BigDecimal)) {
				row.createCell(i).setCellValue(number.doubleValue());
			}
			else if (value instanceof BigDecimal decimal) {
				row.createCell(i).setCellValue(decimal.doubleValue());
			}
			else {
				row.createCell(i).setCellValue(String.valueOf(value));
			}
		}
	}

}
