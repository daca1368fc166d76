package tn.diwan.runtime;

import org.operaton.bpm.engine.IdentityService;
import org.operaton.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The admin user itself (with the operaton-admin group and its authorizations) is created by the
 * starter from operaton.bpm.admin-user.* (bound to DIWAN_RUNTIME_USER / DIWAN_RUNTIME_PASSWORD).
 * The starter never touches an existing user, so on a persistent database this keeps the password
 * in line with the environment and unlocks it.
 */
@Component
class AdminUserInitializer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminUserInitializer.class);

    private final IdentityService identityService;

    AdminUserInitializer(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        String id = RequiredEnvironment.value(RequiredEnvironment.USER);
        String password = RequiredEnvironment.value(RequiredEnvironment.PASSWORD);
        if (identityService.createUserQuery().userId(id).count() == 0) {
            throw new IllegalStateException("admin user " + id + " was not created by the starter");
        }
        // a client with a wrong password delays, then locks, the user: a restart clears that
        identityService.unlockUser(id);
        // (checkPassword with a wrong password would itself count as a failed login: just set it)
        User user = identityService.createUserQuery().userId(id).singleResult();
        user.setPassword(password);
        identityService.saveUser(user);
        log.info("Admin user '{}' ready (password from {})", id, RequiredEnvironment.PASSWORD);
    }
}
