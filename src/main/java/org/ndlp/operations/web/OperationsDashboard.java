package org.ndlp.operations.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.ndlp.operations.Overview;
import org.ndlp.operations.Overview.PlanYear;
import org.ndlp.operations.ProjectFigures;
import org.ndlp.operations.TrendPoint;
import org.ndlp.operations.UnitRow;
import org.ndlp.shared.problem.OutOfScope;
import org.ndlp.shared.security.CurrentUser;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The three-tier dashboard: the nation with its provinces, a province with its libraries,
 * and (for library staff) their own library's page. Every table exports to Excel.
 */
@Controller
class OperationsDashboard {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ProjectFigures figures;

	OperationsDashboard(ProjectFigures figures) {
		this.figures = figures;
	}

	@GetMapping("/admin/operations")
	String dashboard(@RequestParam(required = false) String province,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			Model model) {
		CurrentUser user = OperationsApi.user();
		String scope;
		try {
			scope = this.figures.scope(user, province);
		}
		catch (OutOfScope ex) {
			if (province == null) {
				// library staff have the library tier: their own library's page
				return "redirect:/admin/libraries/" + user.library();
			}
			throw ex;
		}
		LocalDate date = OperationsApi.date(asOf);
		Overview overview = this.figures.overview(date, scope);
		List<UnitRow> rows = (scope == null) ? this.figures.provinces(date) : this.figures.libraries(date, scope);
		List<TrendPoint> trend = this.figures.trend(date, scope);
		model.addAttribute("overview", overview);
		model.addAttribute("rows", rows);
		model.addAttribute("trend", trend);
		model.addAttribute("national", user.isNationalAdmin());
		model.addAttribute("chartJson", JSON.writeValueAsString(charts(overview, rows, trend)));
		return "admin/operations";
	}

	@GetMapping("/admin/operations/export.xlsx")
	void export(@RequestParam(required = false) String province,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			HttpServletResponse response) throws IOException {
		String scope = this.figures.scope(OperationsApi.user(), province);
		LocalDate date = OperationsApi.date(asOf);
		Overview overview = this.figures.overview(date, scope);
		List<UnitRow> rows = (scope == null) ? this.figures.provinces(date) : this.figures.libraries(date, scope);
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("推广工程运行情况-" + overview.scopeName() + "-" + date + ".xlsx", StandardCharsets.UTF_8)
					.build()
					.toString());
		OperationsWorkbook.write(overview, rows, this.figures.trend(date, scope), response.getOutputStream());
	}

	/** The series the page's ECharts draw, computed here so the page holds no logic. */
	private static Map<String, Object> charts(Overview overview, List<UnitRow> rows, List<TrendPoint> trend) {
		Map<String, Object> charts = new LinkedHashMap<>();
		List<String> planLabels = new ArrayList<>();
		List<Integer> planned = new ArrayList<>();
		List<Integer> done = new ArrayList<>();
		for (PlanYear plan : overview.plans()) {
			planLabels.add(plan.level().nameZh() + " " + plan.year());
			planned.add(plan.planned());
			done.add(plan.done());
		}
		charts.put("plan", Map.of("labels", planLabels, "planned", planned, "done", done));
		charts.put("trend",
				Map.of("years", trend.stream().map(TrendPoint::year).toList(), "standard",
						trend.stream().map(TrendPoint::hardwareStandardMet).toList(), "vpn",
						trend.stream().map(TrendPoint::vpnConnected).toList()));
		charts.put("compare",
				Map.of("labels", rows.stream().map(UnitRow::name).toList(), "standard",
						rows.stream().map(UnitRow::hardwareStandardMet).toList(), "vpn",
						rows.stream().map(UnitRow::vpnConnected).toList()));
		charts.put("money", Map.of("central", overview.money().central(), "local", overview.money().local()));
		return charts;
	}

}
