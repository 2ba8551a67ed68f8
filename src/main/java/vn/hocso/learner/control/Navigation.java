package vn.hocso.learner.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.hocso.learner.entity.Account;
import vn.hocso.learner.entity.Role;
import vn.hocso.ward.control.Wards;
import vn.hocso.ward.entity.Ward;
import vn.hocso.web.control.Templates;

/**
 * Where each person goes: the main page of their role, where they land after signing in, and the
 * menu of their role on the pages made for them.
 *
 * <p>Pages every reader shares (home, modules, lessons) are rendered once and served to everyone
 * from memory, so they carry no menu: their header links to "/tai-khoan", which sends each person
 * to their own main page. Only pages rendered for one request ({@link #page}) show a menu.
 */
@ApplicationScoped
public class Navigation {

  /** A link of a menu; {@code current} marks the page being shown. */
  public record Link(String href, String label, boolean current) {}

  /** A person's menu: who it is for (null for a guest) and the links. */
  public record Menu(String name, String role, List<Link> links) {}

  @Inject CurrentAccount current;
  @Inject Wards wards;
  @Inject Templates templates;
  @Inject HttpServletRequest request;

  /** A page made for the current request, with the menu of whoever is signed in. */
  public String page(String template, Map<String, Object> model) {
    Map<String, Object> withMenu = new HashMap<>(model);
    withMenu.put("menu", menu(current.get().orElse(null), request.getRequestURI()));
    return templates.render(template, withMenu);
  }

  /** The page a person starts from: where signing in lands and "Tài khoản" leads. */
  public String home(Account account) {
    String wardKey = wardKey(account);
    return switch (account.mainRole()) {
      case LEARNER -> "/tien-do";
      case TRAINER -> wardKey == null ? "/quan-ly" : "/ho-tro";
      case OFFICER -> wardKey == null ? "/quan-ly" : "/phuong/" + wardKey;
      case EDITOR -> "/bien-tap";
      case ADMIN -> "/quan-ly";
    };
  }

  /** The menu of an account (null: a guest), the link to {@code path} marked current. */
  Menu menu(Account account, String path) {
    List<String[]> links = new ArrayList<>();
    if (account == null) {
      links.add(new String[] {"/dang-nhap", "Đăng nhập"});
      links.add(new String[] {"/dang-ky", "Tạo tài khoản"});
      return new Menu(null, null, marked(links, path));
    }
    String ward = wardKey(account);
    // The main role's links first, then those of the account's other roles, each address once.
    for (Role role : shown(account)) {
      for (String[] link : links(role, ward)) {
        if (links.stream().noneMatch(added -> added[0].equals(link[0]))) {
          links.add(link);
        }
      }
    }
    links.add(new String[] {"/doi-mat-khau", "Đổi mật khẩu"});
    links.add(new String[] {"/dang-xuat", "Đăng xuất"});
    return new Menu(account.displayName(), roleLabels(account), marked(links, path));
  }

  /** The account's roles as people read them: its staff roles, or "Người học". */
  public static String roleLabels(Account account) {
    return shown(account).stream()
        .map(Role::label)
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** The roles a person is shown as: main role first; learner only when it is the only one. */
  private static List<Role> shown(Account account) {
    List<Role> held = new ArrayList<>(account.roles());
    held.sort(Comparator.reverseOrder());
    if (held.size() > 1) {
      held.remove(Role.LEARNER);
    }
    return held;
  }

  /** The links of one role's pages. */
  private static List<String[]> links(Role role, String ward) {
    List<String[]> links = new ArrayList<>();
    switch (role) {
      case LEARNER -> {
        links.add(new String[] {"/", "Các bài học"});
        links.add(new String[] {"/tien-do", "Tiến độ của tôi"});
        links.add(new String[] {"/ho-gia-dinh", "Hộ gia đình của tôi"});
      }
      case TRAINER -> {
        if (ward != null) {
          links.add(new String[] {"/ho-tro", "Việc cần làm"});
          links.add(new String[] {"/ho-tro/dang-ky", "Đăng ký cho người dân"});
          links.add(new String[] {"/phuong/" + ward + "/ho-gia-dinh", "Hộ gia đình"});
        }
        links.add(new String[] {"/quan-ly", "Đặt lại mật khẩu"});
        links.add(new String[] {"/bien-tap/ban-nhap", "Soạn bài"});
      }
      case OFFICER -> {
        if (ward != null) {
          String base = "/phuong/" + ward;
          links.add(new String[] {base, "Số liệu"});
          links.add(new String[] {base + "/ho-gia-dinh", "Hộ gia đình"});
          links.add(new String[] {base + "/chi-tieu", "Mẫu số và mục tiêu"});
          links.add(new String[] {base + "/to-cong-nghe", "Tổ công nghệ số"});
          links.add(new String[] {base + "/hoat-dong", "Hoạt động"});
          links.add(new String[] {base + "/bao-cao", "Báo cáo"});
        }
        links.add(new String[] {"/quan-ly", "Đặt lại mật khẩu"});
      }
      case EDITOR -> {
        links.add(new String[] {"/bien-tap", "Nội dung"});
        links.add(new String[] {"/bien-tap/cho-duyet", "Chờ duyệt"});
        links.add(new String[] {"/bien-tap/ban-nhap", "Bản nháp"});
        links.add(new String[] {"/bien-tap/thong-ke", "Thống kê bài kiểm tra"});
      }
      case ADMIN -> {
        links.add(new String[] {"/quan-ly", "Quản trị"});
        links.add(new String[] {"/quan-ly/phuong", "Danh sách phường, xã"});
        links.add(new String[] {"/tinh", "Mọi phường, xã"});
        links.add(new String[] {"/bien-tap", "Nội dung"});
        links.add(new String[] {"/bien-tap/cho-duyet", "Chờ duyệt"});
      }
    }
    return links;
  }

  private static List<Link> marked(List<String[]> links, String path) {
    return links.stream().map(link -> new Link(link[0], link[1], link[0].equals(path))).toList();
  }

  private String wardKey(Account account) {
    if (account.mainRole() == Role.LEARNER || account.wardId() == null) {
      return null;
    }
    return wards.find(account.wardId()).map(Ward::key).orElse(null);
  }
}
