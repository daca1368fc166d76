package tn.diwan.runtime;

import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * HTTP basic auth on /engine-rest that no one can use to lock out the service user.
 * <p>
 * Operaton's {@code IdentityService.checkPassword} counts every wrong password: it delays the user's
 * next login (3 s, 6 s, 12 s ... up to 60 s) and locks the user after 10 failures, correct password
 * or not. One wrong password to the service user from anyone who reaches the port therefore took
 * the engine's health "down" for seconds, and ten locked it out. So the service user
 * ({@code DIWAN_RUNTIME_USER}) is checked here against its password from the environment (the one
 * {@link AdminUserInitializer} gives the user at every start), in constant time and without counting
 * failures. Every other user goes through Operaton's own check, login delay and lock included.
 * <p>
 * Instantiated by Operaton's {@code ProcessEngineAuthenticationFilter} by class name: public, with a
 * public no-argument constructor.
 */
public class ServiceUserAuthentication extends HttpBasicAuthenticationProvider {

    private final String serviceUser = RequiredEnvironment.value(RequiredEnvironment.USER);
    private final byte[] servicePasswordDigest = digest(RequiredEnvironment.value(RequiredEnvironment.PASSWORD));

    public ServiceUserAuthentication() {
        super();
    }

    @Override
    protected boolean isAuthenticated(ProcessEngine engine, String userName, String password) {
        if (serviceUser != null && serviceUser.equals(userName)) {
            return servicePasswordDigest != null && MessageDigest.isEqual(digest(password), servicePasswordDigest);
        }
        return super.isAuthenticated(engine, userName, password);
    }

    /** Equal-length values for the constant-time comparison. */
    private static byte[] digest(String text) {
        if (text == null) {
            return null;
        }
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
