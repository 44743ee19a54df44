package cn.zhicheng.core.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Typed settings of the whole system; profile overrides live in configuration, never in code. */
@ConfigMapping(prefix = "zhicheng")
public interface ZhichengConfig {

    /**
     * Folder for the embedded default's database, evidence files and keys (git-ignored). Explicitly relative:
     * H2 refuses a file path that is only implicitly relative to the working directory.
     */
    @WithDefault("./data")
    String dataDir();

    /** Base URL people reach the web app at; verify links and local presigned URLs start with it. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    Evidence evidence();

    Seal seal();

    Aws aws();

    Identity identity();

    Demo demo();

    Jobs jobs();

    Clock clock();

    Integrity integrity();

    interface Evidence {
        /** local (files under the data folder) or s3. */
        @WithDefault("local")
        String store();

        @WithDefault("zhicheng-evidence")
        String bucket();

        /** Create the bucket on start if missing: for emulators only; in AWS the template creates it. */
        @WithDefault("false")
        boolean createBucket();

        /** Largest evidence file accepted, in bytes. */
        @WithDefault("20971520")
        long maxSize();

        @WithDefault("application/pdf,image/jpeg,image/png")
        List<String> allowedTypes();

        @WithDefault("15M")
        Duration urlTtl();

        /** HMAC secret of the local store's signed URLs; generated under the data folder when absent. */
        Optional<String> localSecret();
    }

    interface Seal {
        /** local (EC keys under the data folder) or kms. */
        @WithDefault("local")
        String signer();

        /**
         * Threads that sign a batch of certificates at once: local signing is CPU work, KMS signing waits on the
         * network, so a few threads help either way.
         */
        @WithDefault("4")
        int signingThreads();

        Kms kms();

        /** How the KMS signer stays under the account's Sign quota (per process: each Lambda instance has its own). */
        interface Kms {
            /** Sign calls per second at most; KMS's ECC quota is shared by every caller of the account and region. */
            @WithDefault("100")
            int maxRequestsPerSecond();

            /** The longest a signature waits for its turn before the request is refused as throttled. */
            @WithDefault("5S")
            Duration maxWait();

            /** Sign calls per signature when KMS throttles, the first included. */
            @WithDefault("5")
            int maxAttempts();

            /** Upper bound of the first backoff; it doubles with each throttled attempt, up to the cap. */
            @WithDefault("100ms")
            Duration backoffBase();

            @WithDefault("2S")
            Duration backoffCap();
        }
    }

    interface Aws {
        /** e.g. http://127.0.0.1:4566 for an emulator; absent means the real AWS endpoints. */
        Optional<String> endpointOverride();

        @WithDefault("cn-north-1")
        String region();

        /** Static credentials for an emulator; absent means the default AWS provider chain. */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();
    }

    interface Identity {
        /** Whether this system signs people in itself (local and test) instead of trusting Cognito's tokens. */
        @WithDefault("false")
        boolean localSignIn();

        /** Issuer of the tokens the local sign-in makes (Cognito's user pool URL in AWS). */
        @WithDefault("https://zhicheng.local/identity")
        String issuer();

        @WithDefault("8H")
        Duration tokenTtl();
    }

    interface Demo {
        /** Seed demo units, a committee, series and one account per role on start. */
        @WithDefault("false")
        boolean seed();

        /** The demo accounts' password; they exist only on a local or test system. */
        @WithDefault("demo123")
        String password();
    }

    interface Jobs {
        /** Rows per batch; each batch is one transaction, so a crash loses at most one batch's work. */
        @WithDefault("500")
        int batchSize();

        /** How long a RUNNING run may go without finishing before the next run takes it as crashed and resumes it. */
        @WithDefault("15M")
        Duration lease();
    }

    interface Integrity {
        /** R20, R21: years a confirmed fraud or false proof bars the person, from the day it is confirmed. */
        @WithDefault("5")
        int banYears();
    }

    interface Clock {
        /**
         * A settable clock, a fake behind the clock port for tests and the browser tests' server, so that journeys
         * spanning weeks of working days can be walked in minutes. Never set in production.
         */
        @WithDefault("false")
        boolean settable();

        /** Where a settable clock starts; absent means the system time. */
        java.util.Optional<java.time.Instant> start();
    }
}
