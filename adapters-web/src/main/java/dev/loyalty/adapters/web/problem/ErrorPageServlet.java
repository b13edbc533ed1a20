package dev.loyalty.adapters.web.problem;

import jakarta.json.bind.Jsonb;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error page (see web.xml): errors raised before JAX-RS is reached, such as a
 * missing or invalid token (401), become the same problem documents as the API's own.
 */
@WebServlet(urlPatterns = ErrorPageServlet.PATH)
public class ErrorPageServlet extends HttpServlet {

    static final String PATH = "/problem";
    private static final long serialVersionUID = 1L;
    private static final Jsonb JSON = JsonConfig.newJsonb();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int code = status instanceof Integer value ? value : response.getStatus();
        Problem problem = WebApplicationExceptionMapper.forStatus(code < 400 ? 404 : code);
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.toJson(problem));
    }
}
