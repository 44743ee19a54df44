package cn.zhicheng.core.storage;

/** Metadata of a stored evidence object. */
public record StoredObject(String objectKey, long size, String contentType) {
}
