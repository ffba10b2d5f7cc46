package app.tandem.security;

import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.tandem.system.Messages;

import jakarta.servlet.FilterConfig;

/**
 * {@code /engine-rest} asks for HTTP Basic credentials of an operator on every request, then refuses expressions
 * (see {@link EngineRestExpressionGuard}): only an operator's requests are read that far.
 */
@Configuration
class EngineRestSecurity {

    private static final String ENGINE_REST = "/engine-rest/*";
    private static final int AUTHENTICATION = Ordered.LOWEST_PRECEDENCE - 10;
    private static final int AFTER_AUTHENTICATION = AUTHENTICATION + 1;

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(PasswordCheck passwords) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new WithProvider(new OperatorsOnlyBasicAuth(passwords)));
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns(ENGINE_REST);
        registration.setOrder(AUTHENTICATION);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineRestExpressionGuard> engineRestRefusesExpressions(ObjectMapper mapper,
                                                                                   Messages messages) {
        FilterRegistrationBean<EngineRestExpressionGuard> registration =
                new FilterRegistrationBean<>(new EngineRestExpressionGuard(mapper, messages));
        registration.setName("engine-rest-refuses-expressions");
        registration.addUrlPatterns(ENGINE_REST);
        registration.setOrder(AFTER_AUTHENTICATION);
        return registration;
    }

    /**
     * Camunda's filter with a provider made here: by itself it makes one from a class name, which could not
     * be given Tandem's password check.
     */
    static class WithProvider extends ProcessEngineAuthenticationFilter {

        WithProvider(AuthenticationProvider provider) {
            this.authenticationProvider = provider;
        }

        @Override
        public void init(FilterConfig config) {
            servletPathPrefix = config.getInitParameter(SERVLET_PATH_PREFIX);
        }
    }
}
