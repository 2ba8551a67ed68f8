// The authoring page's editor (src/docs/authoring.md). The page is a plain form that works
// without this script: a textarea, "Xem trước" and "Lưu". This script puts CodeMirror in place
// of the textarea (the textarea stays in the form and carries the text), adds a toolbar, and
// previews while the trainer types: the preview API renders the draft at phone width and its
// problems show at their lines.
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, drawSelection, highlightActiveLine, lineNumbers } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { LanguageSupport, syntaxHighlighting, defaultHighlightStyle } from "@codemirror/language";
// The Markdown language (GFM) alone: markdown() would bring the HTML, CSS and JavaScript parsers
// along for code blocks, three times the download for a trainer's phone.
import { markdownLanguage } from "@codemirror/lang-markdown";
import { lintGutter, setDiagnostics } from "@codemirror/lint";

const PREVIEW_DELAY_MS = 600;

// The page's policy lets in one style element, the one carrying this nonce: CodeMirror's theme.
const STYLE_NONCE = document.currentScript ? document.currentScript.dataset.styleNonce : undefined;

const CALLOUTS = [
  ["CAUTION", "Cảnh báo lừa đảo"],
  ["WARNING", "Chú ý"],
  ["IMPORTANT", "Quan trọng"],
  ["TIP", "Mẹo"],
  ["NOTE", "Ghi nhớ"],
];

const QUESTION_TEMPLATES = [
  ["Câu một đáp án", "## Câu hỏi?\n\nBài học: \n\n- [ ] Đáp án sai\n- [x] Đáp án đúng\n- [ ] Đáp án sai\n\n> Giải thích vì sao.\n"],
  ["Câu nhiều đáp án", "## Câu hỏi?\n\nBài học: \nLoại: nhiều đáp án\n\n- [x] Đáp án đúng\n- [x] Đáp án đúng\n- [ ] Đáp án sai\n\n> Giải thích vì sao.\n"],
  ["Câu đúng sai", "## Câu khẳng định?\n\nBài học: \nLoại: đúng sai\n\n- [x] Đúng\n- [ ] Sai\n\n> Giải thích vì sao.\n"],
  ["Câu sắp xếp", "## Sắp xếp các bước\n\nBài học: \nLoại: sắp xếp\n\n1. Bước một\n2. Bước hai\n3. Bước ba\n\n> Giải thích thứ tự.\n"],
  ["Câu chọn hình", "## Chọn hình đúng\n\nBài học: \nLoại: chọn hình\n\n- [x] ![Mô tả hình đúng](hinh-dung.svg)\n- [ ] ![Mô tả hình sai](hinh-sai.svg)\n\n> Giải thích vì sao.\n"],
];

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === "text") node.textContent = value;
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child);
  return node;
}

/** Wraps the selection in before/after, or inserts them around a placeholder. */
function wrap(view, before, after, placeholder) {
  const { from, to } = view.state.selection.main;
  const selected = view.state.sliceDoc(from, to) || placeholder;
  view.dispatch({
    changes: { from, to, insert: before + selected + after },
    selection: { anchor: from + before.length, head: from + before.length + selected.length },
    scrollIntoView: true,
  });
  view.focus();
}

/** Puts a prefix at the start of every selected line. */
function prefixLines(view, prefix) {
  const { state } = view;
  const { from, to } = state.selection.main;
  const changes = [];
  let number = 1;
  for (let pos = from; pos <= to; ) {
    const line = state.doc.lineAt(pos);
    const text = typeof prefix === "function" ? prefix(number++) : prefix;
    changes.push({ from: line.from, insert: text });
    pos = line.to + 1;
  }
  view.dispatch({ changes, scrollIntoView: true });
  view.focus();
}

/** Inserts a block on its own lines at the cursor. */
function insertBlock(view, text) {
  const { state } = view;
  const pos = state.selection.main.head;
  const line = state.doc.lineAt(pos);
  const blank = line.text.trim() === "";
  // At the start of a line that has text (a heading), the block goes above it.
  const above = !blank && pos === line.from;
  const before = blank || above ? "" : "\n\n";
  const at = blank || above ? line.from : line.to;
  view.dispatch({
    changes: { from: at, insert: before + text + (above ? "\n\n" : "\n") },
    selection: { anchor: at + before.length + text.length },
    scrollIntoView: true,
  });
  view.focus();
}

/** A picture's name from a file name: lower case, no diacritics, words joined by "-". */
function slug(text) {
  return text
    .replace(/đ/g, "d").replace(/Đ/g, "D")
    .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
}

/**
 * Where a picture goes when the cursor is in no good place for it (never put in the text, or in
 * the front matter): before the "## Nguồn" section, or at the end.
 */
function placeForPicture(view) {
  const doc = view.state.doc;
  const head = view.state.selection.main.head;
  let frontMatterEnd = 0;
  if (doc.lines > 1 && doc.line(1).text.trim() === "---") {
    for (let n = 2; n <= doc.lines; n++) {
      if (doc.line(n).text.trim() === "---") { frontMatterEnd = doc.line(n).to; break; }
    }
  }
  if (head > frontMatterEnd) return;
  let at = doc.length;
  for (let n = 1; n <= doc.lines; n++) {
    if (/^##\s+Nguồn\s*$/i.test(doc.line(n).text)) { at = doc.line(n).from; break; }
  }
  view.dispatch({ selection: { anchor: at } });
}

function toolbar(view, isQuiz, pictureInput) {
  const bar = element("div", { class: "editor-toolbar", role: "toolbar", "aria-label": "Định dạng" });
  const button = (label, action, title) => {
    const node = element("button", { type: "button", class: "button", text: label });
    if (title) node.setAttribute("title", title);
    node.addEventListener("click", () => action());
    bar.append(node);
  };
  button("Tiêu đề", () => prefixLines(view, "## "), "Tiêu đề mục (##)");
  button("Đậm", () => wrap(view, "**", "**", "chữ đậm"));
  button("Danh sách", () => prefixLines(view, "- "), "Gạch đầu dòng");
  button("Các bước", () => prefixLines(view, (n) => n + ". "), "Các bước đánh số");
  const callout = element("select", { "aria-label": "Hộp lưu ý", class: "editor-select" });
  callout.append(element("option", { value: "", text: "Hộp lưu ý…" }));
  for (const [kind, label] of CALLOUTS) callout.append(element("option", { value: kind, text: label }));
  callout.addEventListener("change", () => {
    if (callout.value) insertBlock(view, "> [!" + callout.value + "]\n> ");
    callout.value = "";
  });
  bar.append(callout);
  button("Bảng", () => insertBlock(view, "| Cột 1 | Cột 2 |\n|---|---|\n| … | … |"));
  button("Liên kết", () => wrap(view, "[", "](https://)", "tên trang"));
  if (pictureInput) {
    button("Hình", () => {
      pictureInput.scrollIntoView({ block: "center" });
      pictureInput.focus();
    }, "Tải ảnh chụp hoặc hình lên, rồi chèn vào bài");
  }
  if (isQuiz) {
    const template = element("select", { "aria-label": "Mẫu câu hỏi", class: "editor-select" });
    template.append(element("option", { value: "", text: "Thêm câu hỏi…" }));
    QUESTION_TEMPLATES.forEach(([label], index) =>
      template.append(element("option", { value: String(index), text: label })));
    template.addEventListener("change", () => {
      if (template.value) insertBlock(view, QUESTION_TEMPLATES[Number(template.value)][1]);
      template.value = "";
    });
    bar.append(template);
  }
  return bar;
}

/** The preview pane: the page at phone width, the problems as a list, the quiz with its key. */
function renderPreview(pane, status, result) {
  pane.replaceChildren();
  const problems = result.problems || [];
  const file = pane.dataset.file;
  if (problems.length) {
    const box = element("div", { class: "form-error" });
    box.append(element("p", { text: problems.length + " lỗi phải sửa:" }));
    const list = element("ul");
    for (const p of problems) list.append(element("li", { text: p.file + ", dòng " + p.line + ": " + p.message }));
    box.append(list);
    pane.append(box);
  }
  if (result.html != null) {
    const phone = element("div", { class: "preview-phone" });
    const article = element("article", { class: "lesson" });
    // Sanitized on the server by the same policy as residents' pages.
    article.innerHTML = result.html;
    (result.questions || []).forEach((question, index) => {
      const block = element("div", { class: "question" });
      block.append(element("p", { class: "question-number", text: "Câu " + (index + 1) + (question.lessonId ? " · bài " + question.lessonId : "") }));
      const text = element("div");
      text.innerHTML = question.html;
      block.append(text);
      const options = element("ul", { class: "preview-options" });
      for (const option of question.options) {
        const item = element("li", option.correct ? { class: "preview-correct" } : {});
        const html = element("span");
        html.innerHTML = option.html;
        item.append(html);
        if (option.correct) item.append(element("strong", { text: " (đúng)" }));
        options.append(item);
      }
      block.append(options);
      if (question.explanation) {
        const explanation = element("div", { class: "explanation" });
        explanation.append(element("p", { class: "explanation-title", text: "Giải thích (chỉ người soạn thấy)" }));
        const body = element("div");
        body.innerHTML = question.explanation;
        explanation.append(body);
        block.append(explanation);
      }
      article.append(block);
    });
    phone.append(article);
    pane.append(phone);
  }
  const own = problems.filter((p) => p.file === file).length;
  status.textContent = problems.length
    ? "Xem trước đã cập nhật: " + problems.length + " lỗi" + (own ? ", " + own + " lỗi trong tệp này (đánh dấu ở lề trái)." : ".")
    : "Xem trước đã cập nhật: không có lỗi.";
}

/**
 * The lint extension draws its markers and underlines with data: images, which the site's policy
 * (img-src 'self') does not load: the same marks drawn with CSS instead.
 */
const lintMarks = EditorView.theme({
  ".cm-lint-marker": { content: "normal", width: "0.8em", height: "0.8em", borderRadius: "50%", margin: "0.3em 0.1em" },
  ".cm-lint-marker-error": { content: "normal", backgroundColor: "#b3261e" },
  ".cm-lint-marker-warning": { content: "normal", backgroundColor: "#b26a00", borderRadius: "0" },
  ".cm-lint-marker-info": { content: "normal", backgroundColor: "#0a4a85" },
  ".cm-lintRange-error": { backgroundImage: "none", textDecoration: "underline wavy #b3261e" },
  ".cm-lintRange-warning": { backgroundImage: "none", textDecoration: "underline wavy #b26a00" },
  ".cm-lintRange-info": { backgroundImage: "none", textDecoration: "underline dotted #0a4a85" },
  ".cm-lintRange-hint": { backgroundImage: "none" },
});

function start() {
  const textarea = document.getElementById("noi_dung");
  if (!textarea || !window.fetch) return;
  const form = textarea.form;
  const draftId = textarea.dataset.draft;
  const file = textarea.dataset.file;
  const isQuiz = file === "quiz.md";
  const csrf = form.querySelector("input[name=_csrf]").value;
  const pictureInput = document.getElementById("tep");

  const layout = element("div", { class: "editor-layout" });
  const editorBox = element("div", { class: "editor-box" });
  const previewBox = element("section", { class: "editor-preview", "aria-labelledby": "xem-truoc-truc-tiep" });
  previewBox.append(element("h2", { id: "xem-truoc-truc-tiep", text: "Xem trước trên điện thoại" }));
  const status = element("p", { class: "editor-status", role: "status", "aria-live": "polite", text: "Gõ để xem trước." });
  const pane = element("div", { class: "editor-preview-pane" });
  pane.dataset.file = file;
  previewBox.append(status, pane);

  let timer = null;

  /** The problems of a preview, by line, as marks on the text the preview was made of. */
  function diagnosticsOf(doc, marks) {
    return marks.map((mark) => {
      const line = doc.line(Math.min(Math.max(mark.line, 1), doc.lines));
      return { from: line.from, to: line.to, severity: mark.severity, message: mark.message };
    });
  }

  async function preview(view) {
    const text = view.state.doc.toString();
    status.textContent = "Đang xem trước…";
    try {
      const response = await fetch("/api/drafts/" + draftId + "/preview", {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
        body: JSON.stringify({ file, text }),
        credentials: "same-origin",
      });
      const result = await response.json();
      // Typed on since: the preview of the newer text is on its way.
      if (view.state.doc.toString() !== text) return;
      if (!response.ok) {
        status.textContent = result.error || "Không xem trước được lúc này.";
        return;
      }
      const mine = (list, severity) =>
        (list || []).filter((p) => p.file === file).map((p) => ({ line: p.line, severity, message: p.message }));
      const marks = mine(result.problems, "error").concat(mine(result.warnings, "warning"));
      renderPreview(pane, status, result);
      view.dispatch(setDiagnostics(view.state, diagnosticsOf(view.state.doc, marks)));
    } catch (e) {
      if (view.state.doc.toString() === text) {
        status.textContent = "Mất kết nối: chưa xem trước được. Bác vẫn bấm Lưu được khi có mạng.";
      }
    }
  }

  const view = new EditorView({
    parent: editorBox,
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        STYLE_NONCE ? EditorView.cspNonce.of(STYLE_NONCE) : [],
        lineNumbers(),
        history(),
        drawSelection(),
        highlightActiveLine(),
        EditorView.lineWrapping,
        new LanguageSupport(markdownLanguage),
        syntaxHighlighting(defaultHighlightStyle),
        lintGutter(),
        lintMarks,
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ "aria-label": "Nội dung (Markdown)", spellcheck: "false" }),
        EditorView.updateListener.of((update) => {
          if (!update.docChanged) return;
          textarea.value = update.state.doc.toString();
          status.textContent = "Đang gõ…";
          clearTimeout(timer);
          timer = setTimeout(() => preview(update.view), PREVIEW_DELAY_MS);
        }),
      ],
    }),
  });

  const field = textarea.closest(".field");
  textarea.hidden = true;
  field.after(layout);
  layout.append(editorBox, previewBox);
  editorBox.prepend(toolbar(view, isQuiz, pictureInput));
  form.addEventListener("submit", () => {
    textarea.value = view.state.doc.toString();
  });

  // With the script, a picture is sent without leaving the page (the text being typed stays) and
  // its Markdown line goes in at the cursor.
  const upload = pictureInput && pictureInput.form;
  if (upload) {
    const uploadStatus = element("p", { class: "editor-status", role: "status", "aria-live": "polite" });
    upload.append(uploadStatus);
    upload.addEventListener("submit", async (event) => {
      event.preventDefault();
      const chosen = pictureInput.files && pictureInput.files[0];
      const alt = upload.querySelector("#mo_ta").value.trim();
      const given = upload.querySelector("#ten").value.trim().toLowerCase();
      if (!chosen) { uploadStatus.textContent = "Bác hãy chọn một ảnh."; return; }
      if (!alt) { uploadStatus.textContent = "Bác hãy viết vài chữ mô tả hình."; upload.querySelector("#mo_ta").focus(); return; }
      const name = given || slug(chosen.name.replace(/\.[^.]*$/, "")) || "hinh";
      const dir = upload.dataset.dir;
      uploadStatus.textContent = "Đang gửi hình…";
      try {
        const send = (query) => fetch(
          "/api/drafts/" + draftId + "/file?path=" + encodeURIComponent(dir + "/" + name + ".jpg") + query,
          { method: "PUT", headers: { "Content-Type": "application/octet-stream", "X-CSRF-Token": csrf }, body: chosen, credentials: "same-origin" });
        let response = await send("&revision=0");
        let result = await response.json();
        // A picture of that name is there already (in the draft, or published): the trainer chose
        // this name again, so the new picture takes its place, once.
        if (response.status === 409 && result.theirRevision != null) {
          response = await send(result.conflictWith === "draft"
            ? "&revision=" + result.theirRevision
            : "&revision=0&baseRevision=" + result.theirRevision);
          result = await response.json();
        }
        if (!response.ok) { uploadStatus.textContent = result.error || "Chưa gửi được hình."; return; }
        const stored = result.file.path;
        const relative = stored.substring(dir.length + 1);
        placeForPicture(view);
        insertBlock(view, "![" + alt.replace(/]/g, "") + "](" + relative + ")");
        uploadStatus.textContent = "Đã thêm hình " + relative + " (" + Math.max(1, Math.round(result.file.size / 1024)) + " KB) vào chỗ con trỏ.";
        upload.reset();
        preview(view);
      } catch (e) {
        uploadStatus.textContent = "Mất kết nối: chưa gửi được hình.";
      }
    });
  }

  // A picture uploaded without the script (the page reloaded): its Markdown line goes in on a tap.
  const snippet = document.querySelector(".snippet");
  if (snippet) {
    const insert = element("button", { type: "button", class: "button", text: "Chèn hình vào bài" });
    insert.addEventListener("click", () => insertBlock(view, snippet.textContent));
    snippet.after(insert);
  }
  preview(view);
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
else start();
