package org.ndlp.shared.problem;

import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every failure of a REST endpoint as RFC 9457 problem details. Where one request
 * field is at fault the body names it in {@code field}; validation failures list all of
 * them in {@code errors}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(ex.status()), ex.getMessage());
		body.setType(ex.type());
		if (ex.field() != null) {
			body.setProperty("field", ex.field());
			body.setProperty("errors", List.of(Map.of("field", ex.field(), "message", ex.getMessage())));
		}
		return ResponseEntity.status(ex.status()).body(body);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException ex) {
		String detail = "parameter '" + ex.getName() + "' has an unusable value: " + ex.getValue();
		return ResponseEntity.badRequest().body(fieldProblem(ex.getName(), detail));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((FieldError error) -> Map.of("field", error.getField(), "message",
					String.valueOf(error.getDefaultMessage())))
			.toList();
		String first = errors.isEmpty() ? null : errors.get(0).get("field");
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				errors.isEmpty() ? "request is not valid" : first + ": " + errors.get(0).get("message"));
		body.setType(java.net.URI.create("urn:ndlp:problem:invalid-input"));
		body.setProperty("field", first);
		body.setProperty("errors", errors);
		return ResponseEntity.badRequest().headers(headers).body(body);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		String field = null;
		String reason = ex.getMostSpecificCause().getMessage();
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof IllegalArgumentException) {
				reason = cause.getMessage();
			}
			if (cause instanceof JacksonException jackson && field == null) {
				field = jackson.getPath()
					.stream()
					.map(JacksonException.Reference::getPropertyName)
					.filter(name -> name != null)
					.reduce((a, b) -> a + "." + b)
					.orElse(null);
			}
		}
		String detail = (field != null) ? field + ": " + firstLine(reason)
				: "body is not readable JSON: " + firstLine(reason);
		return ResponseEntity.badRequest().headers(headers).body(fieldProblem(field, detail));
	}

	private static ProblemDetail fieldProblem(String field, String detail) {
		ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		body.setType(java.net.URI.create("urn:ndlp:problem:invalid-input"));
		if (field != null) {
			body.setProperty("field", field);
			body.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
		}
		return body;
	}

	private static String firstLine(String text) {
		if (text == null) {
			return "";
		}
		int end = text.indexOf('\n');
		return (end < 0) ? text : text.substring(0, end);
	}

}
