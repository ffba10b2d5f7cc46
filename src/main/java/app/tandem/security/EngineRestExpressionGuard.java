package app.tandem.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.tandem.system.Messages;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The engine's REST API takes no expressions. Camunda 7.24 Community refuses an expression at the top of an ad-hoc
 * task query but evaluates one inside {@code orQueries}, and a filter's stored query evaluates them by design. Of
 * Camunda's REST inputs only the task query's {@code ...Expression} fields are evaluated, so the name is the rule:
 * a query parameter, or a JSON key at any depth, whose name ends in "Expression" gets a 400 before Camunda reads
 * the request. Values are not looked at: a variable's value may hold "${" as plain text. A body that is not JSON
 * (multipart uploads aside) is refused too, as it could not be checked.
 */
class EngineRestExpressionGuard extends OncePerRequestFilter {

    private static final String SUFFIX = "expression";

    private final JsonFactory json = new JsonFactory();
    private final ObjectMapper mapper;
    private final Messages messages;

    EngineRestExpressionGuard(ObjectMapper mapper, Messages messages) {
        this.mapper = mapper;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> refusal = inQuery(request.getQueryString());
        if (refusal.isPresent()) {
            refuse(response, refusal.get());
            return;
        }
        if (isMultipart(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        refusal = inBody(body);
        if (refusal.isPresent()) {
            refuse(response, refusal.get());
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private Optional<String> inQuery(String query) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                return Optional.of(messages.text("engineRest.unreadableQuery"));
            }
            if (isExpression(name)) {
                return Optional.of(messages.text("engineRest.expressionRefused", name));
            }
        }
        return Optional.empty();
    }

    private Optional<String> inBody(byte[] body) throws IOException {
        try (JsonParser parser = json.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.FIELD_NAME && isExpression(parser.currentName())) {
                    return Optional.of(messages.text("engineRest.expressionRefused", parser.currentName()));
                }
            }
            return Optional.empty();
        } catch (JsonProcessingException notJson) {
            return Optional.of(messages.text("engineRest.notJson"));
        }
    }

    private static boolean isExpression(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(SUFFIX);
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.MULTIPART_FORM_DATA_VALUE);
    }

    /** In the shape of Camunda's own REST errors, so clients read it as they read those. */
    private void refuse(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        mapper.writeValue(response.getOutputStream(), Map.of("type", "InvalidRequestException", "message", message));
    }
}
