package tn.diwan.runtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Diwan runtime: Operaton (Camunda 7 line) with REST at /engine-rest, web apps at /operaton and the event bridge. */
@SpringBootApplication
public class DiwanRuntimeApplication {

    public static void main(String[] args) {
        RequiredEnvironment.check();
        SpringApplication application = new SpringApplication(DiwanRuntimeApplication.class);
        application.setDefaultProperties(DefaultDatabase.properties());
        application.run(args);
    }
}
