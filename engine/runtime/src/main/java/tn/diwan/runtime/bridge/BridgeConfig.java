package tn.diwan.runtime.bridge;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(BridgeProperties.class)
class BridgeConfig {
}
