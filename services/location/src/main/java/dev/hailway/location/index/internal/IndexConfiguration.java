package dev.hailway.location.index.internal;

import java.io.IOException;

import com.uber.h3core.H3Core;
import dev.hailway.location.LocationSettings;
import dev.hailway.location.index.DriverIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IndexConfiguration {

    @Bean
    DriverIndex driverIndex(LocationSettings settings) throws IOException {
        // Loads H3's native library now, so a platform without one fails at start rather than on the first query.
        return new DriverIndex(H3Core.newInstance(), settings.h3Resolution());
    }
}
