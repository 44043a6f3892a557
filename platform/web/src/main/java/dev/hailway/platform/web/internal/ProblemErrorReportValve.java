package dev.hailway.platform.web.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.hailway.platform.web.Problems;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Tomcat's own error page, for what it refuses before Spring sees the request (a NUL in a header, a backslash in the
 * path): problem+json instead of Tomcat's HTML page. Everything that reaches Spring still gets its problem from
 * {@link ProblemErrorController}, which writes first; this only answers when nothing else has. The body is fixed
 * text: nothing is known about the request yet, not even a request id, and nothing of it is echoed.
 *
 * <p>Public with a no-argument constructor because Tomcat's host instantiates it by class name.
 */
public final class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or closing; there is no one left to tell.
        }
    }

    static String body(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 400 ? ",\"detail\":\"The request line or its headers could not be understood.\"" : "";
        return "{\"type\":\"" + Problems.type(Problems.slugFor(HttpStatusCode.valueOf(status))) + "\",\"title\":\""
                + title + "\",\"status\":" + status + detail + "}";
    }
}
