package dev.hailway.gateway.requestsize;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxBody the largest request body the gateway passes on (CONVENTIONS.md: 256 KiB) */
@ConfigurationProperties("hailway.gateway.request-size")
public record RequestSizeProperties(@DefaultValue("256KB") DataSize maxBody) {
}
