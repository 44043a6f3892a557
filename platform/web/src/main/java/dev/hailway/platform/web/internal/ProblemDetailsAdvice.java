package dev.hailway.platform.web.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.hailway.platform.web.ProblemException;
import dev.hailway.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Every error a controller raises leaves as problem+json with a hailway type. Spring's own exceptions come
 * through {@link ResponseEntityExceptionHandler} and get decorated; anything unexpected becomes a bare 500
 * whose detail says nothing about the cause (that goes to the log, with the request id to find it).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> handleProblem(ProblemException ex, HttpServletRequest request) {
        ProblemDetail problem = ProblemResponses.problem(ex.status(), ex.slug(), ex.title(), ex.detail(), request);
        ex.properties().forEach(problem::setProperty);
        return ResponseEntity.status(ex.status()).body(problem);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> handlePayloadTooLarge(PayloadTooLargeException ex, HttpServletRequest request) {
        return payloadTooLarge(ex, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, HttpServletRequest request) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> error(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return validation(errors, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> handleTypeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request) {
        return validation(List.of(error(ex.getName(), "has an invalid format")), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> handleAccessDenied(AccessDeniedException ex, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(ProblemResponses.problem(HttpStatus.FORBIDDEN,
                Problems.FORBIDDEN, "Forbidden", "You may not do this", request));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<Object> handleAuthentication(AuthenticationException ex, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .body(ProblemResponses.problem(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized",
                        "A valid access token is required", request));
    }

    /**
     * What a service throws while its database is down or restarting, by class name along the superclasses, since
     * Spring's data access classes are optional here (location has no database). Worth trying again in a moment.
     */
    private static final java.util.Set<String> DATABASE_UNAVAILABLE = java.util.Set.of(
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "java.sql.SQLTransientConnectionException",
            "java.sql.SQLNonTransientConnectionException");
    private static final String RETRY_AFTER_SECONDS = "2";

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, HttpServletRequest request) {
        if (databaseUnavailable(ex)) {
            log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(), ex.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .body(ProblemResponses.problem(HttpStatus.SERVICE_UNAVAILABLE, Problems.SERVICE_UNAVAILABLE,
                            "Service unavailable", "A store this service needs is unavailable; try again shortly", request));
        }
        log.error("Unhandled exception for {} {}", request.getMethod(), request.getRequestURI(), ex);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(ProblemResponses.problem(
                HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, "Internal error",
                "Something went wrong on our side; quote the request id when reporting it", request));
    }

    static boolean databaseUnavailable(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<?> type = cause.getClass(); type != null; type = type.getSuperclass()) {
                if (DATABASE_UNAVAILABLE.contains(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(error(error.getField(), message(error)));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(error(error.getObjectName(), message(error))));
        return validation(errors, servletRequest(request));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            String field = error instanceof FieldError fieldError ? fieldError.getField()
                    : result.getMethodParameter().getParameterName();
            errors.add(error(field == null ? "" : field, message(error)));
        }));
        return validation(errors, servletRequest(request));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return validation(List.of(error(ex.getParameterName(), "is required")), servletRequest(request));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        PayloadTooLargeException tooLarge = causeOf(ex, PayloadTooLargeException.class);
        if (tooLarge != null) {
            return payloadTooLarge(tooLarge, servletRequest(request));
        }
        // The parser's message can echo the body or name internal types: the client gets a fixed text.
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.BAD_REQUEST, Problems.MALFORMED_REQUEST,
                "Malformed request", "The request body could not be read as JSON of the expected shape",
                servletRequest(request));
        // A value of the wrong type (StrictJson) is still malformed-request, but says which field, as validation does.
        MismatchedInputException mismatch = causeOf(ex, MismatchedInputException.class);
        String field = mismatch == null ? "" : JsonFields.path(mismatch);
        if (!field.isEmpty()) {
            problem.setProperty("errors", List.of(error(field, JsonFields.expected(mismatch))));
        }
        return ResponseEntity.badRequest().headers(headers).body(problem);
    }

    /** Decorates every problem Spring builds for its own exceptions (404, 405, 415, ...). */
    @Override
    protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
                                                          HttpStatusCode statusCode, WebRequest request) {
        HttpServletRequest servletRequest = servletRequest(request);
        if (body instanceof ProblemDetail problem) {
            ProblemResponses.decorate(problem, Problems.slugFor(statusCode), servletRequest);
            if (statusCode.is5xxServerError()) {
                problem.setDetail(null);
            }
        }
        return new ResponseEntity<>(body, headers, statusCode);
    }

    private ResponseEntity<Object> validation(List<Map<String, String>> errors, @Nullable HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid");
        problem.setTitle("Validation failed");
        ProblemResponses.decorate(problem, Problems.VALIDATION, request);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<Object> payloadTooLarge(PayloadTooLargeException ex,
                                                          @Nullable HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage());
        problem.setTitle("Payload too large");
        ProblemResponses.decorate(problem, Problems.PAYLOAD_TOO_LARGE, request);
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static String message(MessageSourceResolvable error) {
        String message = error.getDefaultMessage();
        return message == null ? "is invalid" : message;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static @Nullable HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
    }

    private static <T extends Throwable> @Nullable T causeOf(Throwable ex, Class<T> type) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
