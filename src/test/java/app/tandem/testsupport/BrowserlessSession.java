package app.tandem.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in to a Tandem started by the test, over plain HTTP with a cookie jar, the way a browser would
 * without one: for tests that start their own application and so have no MockMvc.
 */
public final class BrowserlessSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient client;

    private BrowserlessSession(String base, HttpClient client) {
        this.base = base;
        this.client = client;
    }

    /** Nobody signed in yet. */
    public static BrowserlessSession anonymous(String base) {
        return new BrowserlessSession(base, HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** Signed in on the sign-in page; fails when the sign-in is refused. */
    public static BrowserlessSession signIn(String base, String username, String password) {
        BrowserlessSession session = anonymous(base);
        HttpResponse<String> answer = session.post("/login", "username=" + encode(username) + "&password="
                + encode(password), session.get("/login").body());
        if (answer.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException(username + " could not sign in");
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** A form posted from {@code page}, with that page's CSRF token. */
    public HttpResponse<String> post(String path, String form, String page) {
        Matcher token = CSRF.matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token on the page the form is posted from");
        }
        String body = (form.isEmpty() ? "" : form + "&") + "_csrf=" + encode(token.group(1));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
