package app.tandem.system;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import com.fasterxml.jackson.databind.ObjectMapper;

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
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addUrlPatterns(ENGINE_REST);
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                OperatorsOnlyBasicAuth.class.getName());
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
}
