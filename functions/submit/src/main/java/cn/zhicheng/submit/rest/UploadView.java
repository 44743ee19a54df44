package cn.zhicheng.submit.rest;

import cn.zhicheng.core.application.mapping.ApplicationView;
import cn.zhicheng.core.storage.PresignedRequest;

/** An evidence item or unit attachment and where to PUT its bytes. */
public record UploadView(ApplicationView.EvidenceView item, PresignedRequest upload) {
}
