package cn.gov.petition.gateway;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 审计记录: one call through the gateway, as the audit trail keeps it. Holds no personal data of
 * petitioners: the path names a case by its id, and a query is kept by its parameters' names only.
 */
@Schema(description = "审计记录 / one call through the gateway")
public record AuditEntry(
    long id,
    @Schema(description = "时间 / when") Instant at,
    @Schema(description = "用户 / who", example = "qilin-handler") String user,
    @Schema(description = "单位 / the caller's unit", example = "530302:zjj") String unit,
    @Schema(description = "区划 / the caller's region", example = "530302") String region,
    @Schema(description = "角色 / the caller's roles") List<String> roles,
    @Schema(example = "GET") String method,
    @Schema(example = "intake") String service,
    @Schema(description = "路径 / what", example = "cases/0b6f…") String path,
    @Schema(description = "查询参数名 / the query's parameter names, never their values")
        List<String> queryNames,
    @Schema(description = "信访件 / the case the call touched") String caseId,
    @Schema(description = "是否查看了个人信息 / whether the answer showed personal data")
        boolean personalData,
    @Schema(description = "事由 / why, as the caller's Access-Reason header gave it") String reason,
    @Schema(description = "结果 / the HTTP status answered", example = "200") int status,
    @Schema(
            description =
                "跨节点调用的另一节点：本节点转去查阅的节点，或调用来自的节点；本节点内的调用为空 / the other node of a call"
                    + " between nodes: the node this gateway relayed the read to, or the node the"
                    + " call was relayed from; null for a call within this node",
            example = "530302")
        String node) {}
