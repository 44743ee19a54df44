package cn.zhicheng.core.seal;

/** The signer holds no key under the given reference (deleted, never created, or from another signer). */
public class SealKeyNotFound extends RuntimeException {

    private final String keyRef;

    public SealKeyNotFound(String keyRef, Throwable cause) {
        super("No e-seal key '" + keyRef + "' in this signer", cause);
        this.keyRef = keyRef;
    }

    public String keyRef() {
        return keyRef;
    }
}
