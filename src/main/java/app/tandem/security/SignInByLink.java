package app.tandem.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.stereotype.Component;

/**
 * Signs in the person who has just chosen their password through an invitation or reset link: the link, mailed to
 * them alone and now used up, proved who they are as the password would. It is done as the sign-in form does it: a
 * new session id (no one who planted a session id on them shares it), a new CSRF token, and the security context
 * saved where Tandem's pages read it.
 */
@Component
public class SignInByLink {

    private final CamundaIdentityAuthentication identity;
    private final SecurityContextRepository contexts;
    private final SessionAuthenticationStrategy session;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SignInByLink(CamundaIdentityAuthentication identity, SecurityContextRepository contexts,
                 CsrfTokenRepository csrfTokens) {
        this.identity = identity;
        this.contexts = contexts;
        this.session = new CompositeSessionAuthenticationStrategy(List.of(new ChangeSessionIdAuthenticationStrategy(),
                new CsrfAuthenticationStrategy(csrfTokens)));
    }

    public void signIn(String username, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = identity.signedIn(username);
        session.onAuthentication(authentication, request, response);
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
