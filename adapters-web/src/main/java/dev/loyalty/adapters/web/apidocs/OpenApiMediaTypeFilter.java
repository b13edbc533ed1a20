package dev.loyalty.adapters.web.apidocs;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * {@code /openapi} with the media types a client generator expects: Payara's endpoint (registered
 * in this application's root context) answers its YAML as {@code text/plain} and refuses {@code
 * Accept: application/yaml} with a 406. This filter asks it for the YAML as it understands it and
 * labels the answer {@code application/yaml}; JSON ({@code Accept: application/json} or {@code
 * ?format=JSON}) passes through untouched. Whichever of the two the request names first wins; a
 * request naming neither gets YAML, the document's default.
 */
@WebFilter(urlPatterns = {"/openapi", "/openapi/*"})
public class OpenApiMediaTypeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String YAML = "application/yaml;charset=UTF-8";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (wantsJson(request.getParameter("format"), request.getHeader("Accept"))) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new AsPayaraUnderstandsYaml(request), new LabelledYaml(response));
    }

    /**
     * @param format the {@code format} query parameter (JSON or YAML), maybe null
     * @param accept the Accept header, maybe null
     * @return whether the caller asked for JSON rather than YAML
     */
    static boolean wantsJson(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return format.strip().equalsIgnoreCase("JSON");
        }
        if (accept == null) {
            return false;
        }
        String wanted = accept.toLowerCase(Locale.ROOT);
        int json = wanted.indexOf("json");
        int yaml = wanted.indexOf("yaml");
        return json >= 0 && (yaml < 0 || json < yaml);
    }

    /** The request as Payara's endpoint understands a wish for YAML (it produces text/plain). */
    private static final class AsPayaraUnderstandsYaml extends HttpServletRequestWrapper {

        AsPayaraUnderstandsYaml(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? "text/plain" : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept".equalsIgnoreCase(name)
                    ? Collections.enumeration(java.util.List.of("text/plain"))
                    : super.getHeaders(name);
        }
    }

    /** The response with its text/plain content type replaced by application/yaml. */
    private static final class LabelledYaml extends HttpServletResponseWrapper {

        LabelledYaml(HttpServletResponse response) {
            super(response);
        }

        private static String relabelled(String type) {
            return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/plain") ? YAML : type;
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(relabelled(type));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Content-Type".equalsIgnoreCase(name) ? relabelled(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "Content-Type".equalsIgnoreCase(name) ? relabelled(value) : value);
        }
    }
}
