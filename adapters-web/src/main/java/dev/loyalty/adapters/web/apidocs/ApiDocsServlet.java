package dev.loyalty.adapters.web.apidocs;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code GET /api-docs}: the browsable API reference, Swagger UI over {@code /openapi}. Its assets
 * come from the swagger-ui WebJar in WEB-INF/lib, which the container serves under
 * {@code /webjars/swagger-ui/<version>/}; the version is read from the WebJar itself. "Authorize"
 * takes a bearer token (development tokens: {@code java -jar loyalty.jar token admin}).
 */
@WebServlet(urlPatterns = {"/api-docs", "/api-docs/"})
public class ApiDocsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    private final String page = page(swaggerUiVersion());

    static String page(String version) {
        String assets = "/webjars/swagger-ui/" + version;
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>Loyalty platform API</title>
                <link rel="stylesheet" href="%1$s/swagger-ui.css">
                <link rel="icon" type="image/png" href="%1$s/favicon-32x32.png">
                </head>
                <body>
                <div id="swagger-ui"></div>
                <script src="%1$s/swagger-ui-bundle.js"></script>
                <script src="%1$s/swagger-ui-standalone-preset.js"></script>
                <script>
                window.ui = SwaggerUIBundle({
                  url: "/openapi?format=JSON",
                  dom_id: "#swagger-ui",
                  deepLinking: true,
                  persistAuthorization: true,
                  displayOperationId: true,
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                  layout: "StandaloneLayout"
                });
                </script>
                </body>
                </html>
                """
                .formatted(assets);
    }

    static String swaggerUiVersion() {
        try (InputStream in = ApiDocsServlet.class.getClassLoader().getResourceAsStream(WEBJAR_PROPERTIES)) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui WebJar is missing from the class path");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(page);
    }
}
