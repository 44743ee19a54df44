package cn.zhicheng.core.storage;

/** The local evidence store refused a signed-URL request; {@link #code()} says why, stably, for machines. */
public class StoreAccessDenied extends RuntimeException {

    /** Why a request was refused, with the HTTP status S3 would answer in the same case. */
    public enum Code {
        /** A required X-Zc-* parameter is missing or unreadable. */
        URL_MALFORMED(403),
        /** The key is not a well-formed object key (traversal, absolute path, odd characters). */
        KEY_INVALID(403),
        /** The URL was signed for another HTTP method. */
        METHOD_MISMATCH(403),
        /** The signature does not match the URL's parameters. */
        SIGNATURE_INVALID(403),
        URL_EXPIRED(403),
        /** The body is not the length the URL was signed for. */
        SIZE_MISMATCH(403),
        /** The request's Content-Type is not the one the URL was signed for. */
        TYPE_MISMATCH(403),
        OBJECT_NOT_FOUND(404);

        private final int httpStatus;

        Code(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Code code;

    public StoreAccessDenied(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
