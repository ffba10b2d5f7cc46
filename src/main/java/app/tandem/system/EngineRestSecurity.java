package app.tandem.system;

import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.tandem.security.PasswordCheck;

import jakarta.servlet.FilterConfig;

/** {@code /engine-rest} asks for HTTP Basic credentials of an operator on every request. */
@Configuration
class EngineRestSecurity {

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(PasswordCheck passwords) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new WithProvider(new OperatorsOnlyBasicAuth(passwords)));
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns("/engine-rest/*");
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
