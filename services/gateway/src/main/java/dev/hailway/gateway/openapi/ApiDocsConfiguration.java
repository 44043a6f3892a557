package dev.hailway.gateway.openapi;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.hailway.gateway.routing.RouteTable;
import dev.hailway.gateway.routing.RoutingProperties;

/**
 * Swagger UI at /swagger-ui.html lists the OpenAPI document of every routed service; the documents themselves come
 * through the routes at /v3/api-docs/&lt;service&gt;, so the list follows the route configuration.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    @Bean
    static BeanPostProcessor serviceApiDocsInSwaggerUi(org.springframework.beans.factory.ObjectProvider<RoutingProperties> routing) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof SwaggerUiConfigProperties swaggerUi) {
                    swaggerUi.setUrls(serviceUrls(routing.getObject()));
                }
                return bean;
            }
        };
    }

    static Set<SwaggerUrl> serviceUrls(RoutingProperties routing) {
        Set<SwaggerUrl> urls = new LinkedHashSet<>();
        RouteTable.enabled(routing.routes()).forEach(enabled -> {
            String service = enabled.route().service();
            urls.add(new SwaggerUrl(service, RouteTable.apiDocsPath(service), service));
        });
        return urls;
    }
}
