package tn.diwan.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;

/** One clear line when the runtime accepts requests. */
@Component
class ReadyLogger {

    private static final Logger log = LoggerFactory.getLogger(ReadyLogger.class);

    private final Environment environment;

    ReadyLogger(Environment environment) {
        this.environment = environment;
    }

    @EventListener
    public void onReady(ApplicationReadyEvent event) {
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        log.info("diwan-runtime ready on port {} (/engine-rest, /operaton) in {} ms",
                environment.getProperty("local.server.port"), uptime);
    }
}
