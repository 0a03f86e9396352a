package pl.koordes.shared.security;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * The application's strong random source for tokens, secrets and masks. Each thread draws from a DRBG of its own:
 * the JDK's DRBG draws under one lock per instance, and a single instance shared by every request (the CSRF mask drawn
 * for every page with a form, a registration's token) was the most contended lock of a signed-in page with 16
 * request threads on 2 cores (profiled in bench/README.md, "Seventh round"); {@code NativePRNG} reads
 * {@code /dev/urandom} under one lock shared by the whole JVM.
 */
public final class SecureRandoms {

    private static final ThreadLocal<SecureRandom> PER_THREAD = ThreadLocal.withInitial(SecureRandoms::drbg);

    private static final SecureRandom PER_THREAD_VIEW = new PerThread();

    private SecureRandoms() {}

    /**
     * A {@link SecureRandom} safe to keep in a static field and share between threads: every draw goes to the calling
     * thread's own generator.
     */
    public static SecureRandom perThread() {
        return PER_THREAD_VIEW;
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException absent) {
            // Every JDK since 9 has it.
            return new SecureRandom();
        }
    }

    /** Draws through the calling thread's generator; {@code SecureRandom}'s other draws all go through nextBytes. */
    private static final class PerThread extends SecureRandom {

        private static final long serialVersionUID = 1L;

        @Override
        public void nextBytes(byte[] bytes) {
            PER_THREAD.get().nextBytes(bytes);
        }
    }
}
