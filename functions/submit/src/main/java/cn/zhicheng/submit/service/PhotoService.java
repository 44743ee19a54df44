package cn.zhicheng.submit.service;

import cn.zhicheng.core.application.Application;
import cn.zhicheng.core.application.ApplicationAccess;
import cn.zhicheng.core.application.ApplicationState;
import cn.zhicheng.core.application.ApplicationStateMachine;
import cn.zhicheng.core.audit.AuditTrail;
import cn.zhicheng.core.identity.Actor;
import cn.zhicheng.core.problem.Problem;
import cn.zhicheng.core.storage.PresignedRequest;
import cn.zhicheng.core.storage.Uploads;
import cn.zhicheng.submit.rest.ApplicationRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * R27: the applicant's photo printed on the certificate. Uploaded like evidence (presigned, then confirmed against
 * the store), but allowed after submission too, because the HR bureau may ask for it any time before issuing.
 */
@ApplicationScoped
@Transactional
public class PhotoService {

    /** The photo is small: a passport-style picture, not a scan. */
    public static final long MAX_SIZE = 2L * 1024 * 1024;
    private static final Set<String> TYPES = Set.of("image/jpeg", "image/png");
    /** Once certified the certificate holds its own copy; a withdrawn or void application is never certified. */
    private static final Set<ApplicationState> CLOSED = EnumSet.of(ApplicationState.CERTIFIED,
            ApplicationState.REVOKED, ApplicationState.VOID, ApplicationState.WITHDRAWN);

    private final ApplicationService applications;
    private final ApplicationAccess access;
    private final Uploads uploads;
    private final AuditTrail audit;
    private final Clock clock;

    public PhotoService(ApplicationService applications, ApplicationAccess access, Uploads uploads, AuditTrail audit,
            Clock clock) {
        this.applications = applications;
        this.access = access;
        this.uploads = uploads;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records the declared photo as pending under a new key and signs its upload; the confirmed photo it replaces
     * stops counting until this one is confirmed.
     */
    public PresignedRequest requestUpload(Actor actor, UUID applicationId, ApplicationRequests.Photo request) {
        Application application = open(actor, applicationId);
        String type = request.contentType().trim().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw Problem.rule("R27", 415, "PHOTO_TYPE_NOT_ALLOWED", "Photo must be JPEG or PNG",
                    "The certificate photo must be image/jpeg or image/png; got " + type + ".");
        }
        if (request.size() > MAX_SIZE) {
            throw Problem.rule("R27", 413, "PHOTO_TOO_LARGE", "Photo too large",
                    "The certificate photo may be at most 2 MiB; this one is " + request.size() + " bytes.");
        }
        application.photoKey = "applications/" + application.id + "/photo-" + UUID.randomUUID();
        application.photoContentType = type;
        application.photoSize = request.size();
        application.photoUploadedAt = null;
        application.updatedAt = clock.instant();
        return uploads.presignUpload(application.photoKey, type, request.size());
    }

    /** Confirms the pending photo once the store holds exactly the declared bytes and type. */
    public Application complete(Actor actor, UUID applicationId) {
        Application application = open(actor, applicationId);
        if (application.photoKey == null) {
            throw Problem.notFound("PHOTO_NOT_FOUND", "No photo was declared for this application.");
        }
        if (application.photoUploadedAt != null) {
            return application;
        }
        uploads.requireStored(application.photoKey, application.photoSize, application.photoContentType);
        application.photoUploadedAt = clock.instant();
        application.updatedAt = application.photoUploadedAt;
        audit.record(actor, new AuditTrail.Change("PHOTO_UPLOADED", ApplicationStateMachine.SUBJECT, application.id,
                application.state().name(), application.state().name(),
                application.photoContentType + ", " + application.photoSize + " bytes"));
        return application;
    }

    /** Whoever may see the application may see its photo. */
    public PresignedRequest download(Actor actor, UUID applicationId) {
        Application application = access.require(applicationId, actor);
        if (application.photoUploadedAt == null) {
            throw Problem.notFound("PHOTO_NOT_FOUND", "This application has no confirmed photo.");
        }
        String extension = "image/png".equals(application.photoContentType) ? ".png" : ".jpg";
        return uploads.presignDownload(application.photoKey, "photo" + extension);
    }

    private Application open(Actor actor, UUID applicationId) {
        Application application = applications.owned(actor, applicationId);
        if (CLOSED.contains(application.state())) {
            throw Problem.rule("R27", 409, "PHOTO_CLOSED", "Photo can no longer change",
                    "The photo can be uploaded until the certificate is issued; the application is "
                            + application.state() + ".");
        }
        return application;
    }
}
