package app.tandem.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import app.tandem.directory.StaffDirectory;

/**
 * Ends the session of a person deactivated since they signed in, at their next request. Checked on each request
 * (one primary-key read) rather than through a session registry: a registry lives in one node's memory, while a
 * cluster's nodes all read the same staff table, so a deactivation on one node signs the person out on every node.
 */
class DeactivatedSignOut extends OncePerRequestFilter {

    private final StaffDirectory staff;

    DeactivatedSignOut(StaffDirectory staff) {
        this.staff = staff;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)
                && !staff.isActive(signedIn.getName())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?signedOut");
            return;
        }
        chain.doFilter(request, response);
    }
}
