package dev.loyalty.adapters.web;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /}, which the start banner advertises: a small page pointing at what a newcomer looks
 * for (the API's description, health, metrics) instead of a 404 problem. Names no data.
 */
@WebServlet(urlPatterns = "")
public class HomePageServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String PAGE =
            """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Loyalty platform</title></head>
            <body>
            <h1>Loyalty platform</h1>
            <p>The API is under <code>/api/v1</code>; every call but the signed links needs a bearer token
            (development tokens: <code>java -jar loyalty.jar token admin</code>).</p>
            <ul>
            <li><a href="/admin/">/admin/</a>: the admin console (sign in with an admin token)</li>
            <li><a href="/api-docs">/api-docs</a>: the API reference, to read and try (Swagger UI)</li>
            <li><a href="/openapi">/openapi</a>: the whole API with examples (YAML; JSON with <code>Accept: application/json</code>)</li>
            <li><a href="/health/ready">/health/ready</a> and <a href="/health/live">/health/live</a></li>
            <li><a href="/metrics">/metrics</a></li>
            </ul>
            <p>How to run, configure and try it: the project's README.md.</p>
            </body>
            </html>
            """;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(PAGE);
    }
}
