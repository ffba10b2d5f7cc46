package app.tandem.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

import app.tandem.directory.Role;
import app.tandem.directory.StaffDirectory;

/**
 * Tandem's pages need a signed-in person. Camunda's webapps ({@code /camunda}) are for operators
 * only: they share Tandem's sign-in (see {@link CamundaWebappsSignIn}) and keep their own CSRF
 * protection and headers. {@code /engine-rest} keeps its own HTTP Basic check for operators, so
 * Spring Security stands aside there. Co-design RSVP links ({@code /rsvp/...}) are answered without an
 * account: each link is signed for one invitation, which is what protects it, so that path is public and
 * takes its answer without a CSRF token. So are unsubscribe links ({@code /unsubscribe/...}), signed per
 * message, which mail programs POST to without a session. Password links ({@code /welcome/...}) and the
 * reset request are public too, with CSRF tokens. A deactivated person's session ends at their next request.
 */
@Configuration
@EnableWebSecurity
class WebSecurity {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    static final String RSVP = "/rsvp/**";
    /** Unsubscribing from family mail: a mail program's one-click POST carries no session and no CSRF token. */
    static final String UNSUBSCRIBE = "/unsubscribe/**";
    /** Choosing a password through an invitation or reset link, and asking for a reset link. */
    static final String[] PASSWORD_LINKS = {PasswordLinks.PATH + "**", "/password/forgot"};

    private final StaffDirectory staff;

    WebSecurity(StaffDirectory staff) {
        this.staff = staff;
    }

    /** Where Tandem's pages keep who is signed in: the session. Shared with {@link SignInByLink}. */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    /** Where Tandem's pages keep their CSRF token: the session. Shared with {@link SignInByLink}. */
    @Bean
    CsrfTokenRepository csrfTokenRepository() {
        return new HttpSessionCsrfTokenRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRestOwnSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .sessionManagement(session -> session.disable())
                .build();
    }

    /**
     * Cockpit, Tasklist and Admin read and change every process: a teacher who found the address
     * would otherwise complete tasks past Tandem's form checks. Everyone else gets Tandem's 403 page.
     */
    @Bean
    @Order(2)
    SecurityFilterChain camundaWebappsForOperators(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Role.OPERATOR.groupId()))
                .addFilterBefore(new DeactivatedSignOut(staff), AuthorizationFilter.class)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
                // The webapps send their own X-XSRF-TOKEN and set their own security headers.
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain tandemPages(HttpSecurity http, SecurityContextRepository contexts,
                                    CsrfTokenRepository csrfTokens) throws Exception {
        return http
                .securityContext(context -> context.securityContextRepository(contexts))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/static/**", "/webjars/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**", RSVP, UNSUBSCRIBE)
                        .permitAll()
                        .requestMatchers(PASSWORD_LINKS).permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new DeactivatedSignOut(staff), AuthorizationFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers(RSVP, UNSUBSCRIBE))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        // RSVP links and task addresses stay out of the Referer other sites receive.
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
