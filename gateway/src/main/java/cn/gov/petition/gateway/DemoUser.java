package cn.gov.petition.gateway;

import cn.gov.petition.common.security.Roles;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * 演示用户: the users of the local run's demo issuer, one per kind of office the platform serves, in
 * Yunnan (53) around Qujing (5303) and its Qilin district (530302).
 */
public record DemoUser(
    String user, String displayName, String unit, String region, Set<String> roles) {

  public static final List<DemoUser> ALL =
      List.of(
          new DemoUser(
              "qilin-registrar",
              "麒麟区信访局 登记员",
              "530302:xfj",
              "530302",
              Set.of(Roles.REGISTRAR, Roles.HANDLER)),
          new DemoUser(
              "nanning-registrar",
              "南宁街道 登记员",
              "530302001:zf",
              "530302001",
              Set.of(Roles.REGISTRAR)),
          new DemoUser(
              "nanning-supervisor",
              "南宁街道 督办人",
              "530302001:zf",
              "530302001",
              Set.of(Roles.SUPERVISOR)),
          new DemoUser(
              "qilin-handler", "麒麟区住房和城乡建设局 承办人", "530302:zjj", "530302", Set.of(Roles.HANDLER)),
          new DemoUser(
              "zhanyi-handler", "沾益区住房和城乡建设局 承办人", "530303:zjj", "530303", Set.of(Roles.HANDLER)),
          new DemoUser(
              "qujing-handler", "曲靖市信访局 承办人（复查）", "5303:xfj", "5303", Set.of(Roles.HANDLER)),
          new DemoUser(
              "qilin-supervisor", "麒麟区信访局 督办人", "530302:xfj", "530302", Set.of(Roles.SUPERVISOR)),
          new DemoUser(
              "qujing-office",
              "曲靖市信访工作联席会议办公室",
              "5303:xfj",
              "5303",
              Set.of(Roles.JOINT_OFFICE, Roles.SUPERVISOR)),
          new DemoUser(
              "yunnan-office",
              "云南省信访工作联席会议办公室",
              "53:xfj",
              "53",
              Set.of(Roles.JOINT_OFFICE, Roles.SUPERVISOR, Roles.LEADER)),
          new DemoUser("yunnan-admin", "云南省 系统管理员", "53:xfj", "53", Set.of(Roles.ADMINISTRATOR)),
          new DemoUser("yunnan-auditor", "云南省信访局 审计员", "53:xfj", "53", Set.of(Roles.AUDITOR)));

  public static Optional<DemoUser> find(String user) {
    return ALL.stream().filter(u -> u.user().equals(user)).findFirst();
  }
}
