package dev.hailway.platform.web.internal;

import dev.hailway.platform.web.HailwayWebProperties;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.ObjectMapper;

/** Problem details for every error, request ids and the body size limit, for servlet services. */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(HailwayWebProperties.class)
public class WebAutoConfiguration {

    @Bean
    ProblemResponses hailwayProblemResponses(ObjectMapper mapper) {
        return new ProblemResponses(mapper);
    }

    /** Picked up by Boot's JSON mapper, so message converters and every injected mapper read strictly. */
    @Bean
    StrictJson hailwayStrictJson() {
        return new StrictJson();
    }

    @Bean
    ProblemDetailsAdvice hailwayProblemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    @ConditionalOnMissingBean(ErrorController.class)
    ProblemErrorController hailwayProblemErrorController() {
        return new ProblemErrorController();
    }

    /** First of all filters, so that everything after it, security and the error page included, has the id. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> hailwayRequestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
        return registration;
    }

    /** Before security: an oversized body is refused before anything else is spent on it. */
    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> hailwayBodySizeLimitFilter(HailwayWebProperties properties,
                                                                          ProblemResponses problems) {
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(properties.maxBodySize().toBytes(), problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    /** Right after the body limit, before security: a request no answer could be negotiated for is refused first. */
    @Bean
    FilterRegistrationBean<AcceptHeaderFilter> hailwayAcceptHeaderFilter(ProblemResponses problems) {
        FilterRegistrationBean<AcceptHeaderFilter> registration = new FilterRegistrationBean<>(new AcceptHeaderFilter(problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 3);
        return registration;
    }

    /** Tomcat's host renders what it refuses itself with {@link ProblemErrorReportValve} instead of HTML. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatErrorReports {

        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> hailwayTomcatErrorReports() {
            // The context is already in its host when context customizers run, and the host is not started yet.
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
