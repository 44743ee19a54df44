package cn.zhicheng.core.identity;

import java.util.UUID;

/**
 * Who is making the request, read from the verified token's claims (the same claims a Cognito user pool
 * with groups gives).
 */
public record Actor(UUID accountId, String username, String name, Role role, UUID unitId, UUID personId,
        UUID committeeId) {

    public boolean is(Role expected) {
        return role == expected;
    }
}
