package app.tandem.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/** Sign-ins from a given client address, and what the sign-in page then says. */
final class SignInSteps {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Pattern WAIT = Pattern.compile("try again in (\\d+) minutes?", Pattern.CASE_INSENSITIVE);

    private final MockMvc mvc;

    SignInSteps(MockMvc mvc) {
        this.mvc = mvc;
    }

    /** A name no other test uses: each test counts its own failures. */
    static String unique(String prefix) {
        return prefix + "-" + NEXT.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
    }

    /** An address of the documentation ranges (RFC 5737) no other test uses. */
    static String address() {
        int n = NEXT.incrementAndGet();
        return "198.51." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    static void pinClock(Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    static void advance(Duration by) {
        pinClock(now().plus(by));
    }

    MvcResult signIn(String address, String username, String password) throws Exception {
        return mvc.perform(from(address, formLogin("/login").user(username).password(password))).andReturn();
    }

    /** The alert the sign-in page shows after this attempt, as its owner sees it. */
    Document pageAfter(MvcResult attempt) throws Exception {
        MockHttpSession session = (MockHttpSession) attempt.getRequest().getSession(false);
        String redirect = attempt.getResponse().getRedirectedUrl();
        String page = mvc.perform(get(redirect == null ? "/login" : redirect).session(session == null ? new MockHttpSession() : session))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return Jsoup.parse(page);
    }

    String alert(MvcResult attempt) throws Exception {
        return pageAfter(attempt).select("[role=alert]").text();
    }

    /** The wait the sign-in page states after this attempt; zero when it states none. */
    Duration statedWait(MvcResult attempt) throws Exception {
        Matcher wait = WAIT.matcher(alert(attempt));
        return wait.find() ? Duration.ofMinutes(Long.parseLong(wait.group(1))) : Duration.ZERO;
    }

    private static RequestBuilder from(String address, RequestBuilder login) {
        return servletContext -> {
            MockHttpServletRequest request = login.buildRequest(servletContext);
            request.setRemoteAddr(address);
            return request;
        };
    }
}
