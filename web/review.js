// The review page: uploads a returned draft (and a descriptor, the Draft
// page's, or none) to POST /api/diff and shows the deviation report the
// library computed; the redline is the same request with redline=1.
"use strict";

(() => {
  const { el, t, pick, api, download } = SD;
  let last = null;

  const CLASS = {
    slot: { th: "ช่องกรอกข้อมูล", en: "slot" },
    editorial: { th: "แก้ไขถ้อยคำ (ข้อ ๘.๑)", en: "editorial (8.1)" },
    substantive: { th: "แก้ไขสาระสำคัญ (ข้อ ๘.๒)", en: "substantive (8.2)" },
  };
  const CHANGE = { changed: { th: "แก้ไข", en: "changed" }, added: { th: "เพิ่ม", en: "added" }, removed: { th: "ตัดออก", en: "removed" }, moved: { th: "ย้ายตำแหน่ง", en: "moved" } };

  function source() { return document.querySelector("input[name=source]:checked").value; }

  function form(redline) {
    const fd = new FormData();
    const draft = document.getElementById("draft").files[0];
    if (draft) fd.append("draft", draft, draft.name);
    const src = source();
    if (src === "file") {
      const d = document.getElementById("descriptor").files[0];
      if (d) fd.append("descriptor", d, d.name);
    } else if (src === "page") {
      let yaml = null;
      try { yaml = localStorage.getItem("sisterdoc.yaml"); } catch (e) { yaml = null; }
      if (yaml) fd.append("descriptor", new Blob([yaml], { type: "application/yaml" }), "descriptor.yaml");
    }
    const kind = document.getElementById("kind").value;
    if (kind) fd.append("kind", kind);
    if (redline) fd.append("redline", "1");
    return fd;
  }

  function problem(e) {
    const box = document.getElementById("errors");
    const input = document.getElementById("draft");
    const msg = document.getElementById("draft-msg");
    const onDraft = e && ["no-draft", "not-a-draft", "body-too-large"].includes(e.code);
    box.replaceChildren(e ? el("div", { class: "error-summary", "aria-labelledby": "err-h" },
      el("h2", { id: "err-h" }, t("มีปัญหา", "There is a problem")),
      el("ul", {}, el("li", {}, onDraft ? el("a", { href: "#draft" }, e.message) : e.message))) : "");
    msg.replaceChildren(onDraft ? el("p", { class: "error-message", id: "draft-err" }, e.message) : "");
    document.getElementById("field-draft").classList.toggle("has-error", !!onDraft);
    if (onDraft) { input.setAttribute("aria-invalid", "true"); input.setAttribute("aria-describedby", "draft-hint draft-err"); }
    else { input.removeAttribute("aria-invalid"); input.setAttribute("aria-describedby", "draft-hint"); }
    if (e) box.focus();
  }

  function words(d) {
    const parts = [];
    if (d.before) parts.push("… " + d.before + " ");
    if (d.standard) parts.push(el("del", {}, d.standard));
    if (d.standard && d.draft) parts.push(" ");
    if (d.draft) parts.push(el("ins", {}, d.draft));
    if (d.after) parts.push(" " + d.after + " …");
    return parts;
  }

  function render(r) {
    const host = document.getElementById("report");
    const s = r.summary || {};
    const rows = [["substantive", s.substantive], ["editorial", s.editorial], ["slot", s.slot]];
    const byClause = new Map();
    (r.deviations || []).forEach((d) => { const k = d.clause || "-"; if (!byClause.has(k)) byClause.set(k, []); byClause.get(k).push(d); });
    host.replaceChildren(...[
      el("h2", {}, t("ผลการเปรียบเทียบ", "Result")),
      el("div", { class: s.substantive ? "error-summary" : "ok-summary" },
        s.substantive ? t(`พบการแก้ไขสาระสำคัญ ${s.substantive} จุด ต้องเสนอกระทรวงการต่างประเทศพิจารณา (แนวทางข้อ ๘.๒)`, `${s.substantive} substantive deviation(s): the MFA must be consulted (guideline 8.2)`)
          : t("ไม่พบการแก้ไขสาระสำคัญ", "No substantive deviation")),
      el("div", { class: "table-wrap" }, el("table", { class: "summary-table" },
        el("caption", { class: "visually-hidden" }, t("สรุป", "Summary")),
        el("thead", {}, el("tr", {}, el("th", { scope: "col" }, t("ประเภท", "Class")), el("th", { scope: "col" }, t("จำนวน", "Count")))),
        el("tbody", {}, rows.map(([k, n]) => el("tr", {}, el("td", {}, el("span", { class: "tag " + k }, pick(CLASS[k]))), el("td", {}, String(n || 0)))),
          el("tr", {}, el("td", {}, t("ย้ายตำแหน่ง", "moved")), el("td", {}, String(s.moved || 0)))))),
      r.tracked_changes ? el("p", { class: "notice" }, t("ร่างนี้มีการติดตามการเปลี่ยนแปลง (tracked changes) ซึ่งอ่านแบบยอมรับทั้งหมดแล้ว", "The draft had tracked changes; they were read as accepted")) : null,
      r.slots_open ? el("p", { class: "notice" }, t("ไม่ได้ใช้ไฟล์ข้อมูล: ช่องกรอกของร่างมาตรฐานเปิดไว้ และรายงานสิ่งที่กรอก", "No descriptor: the standard's slots are open and what fills them is reported")) : null,
      ...[...byClause.entries()].map(([clause, list]) => el("section", {},
        el("h3", {}, clauseName(clause)),
        list.map((d) => el("div", { class: "deviation " + d.class },
          el("p", {}, el("span", { class: "tag " + d.class }, pick(CLASS[d.class] || { th: d.class, en: d.class })), " ",
            el("span", { class: "where" }, `${pick(CHANGE[d.change] || { th: d.change, en: d.change })} · ${d.lang === "th" ? t("ฉบับภาษาไทย", "Thai text") : t("ฉบับภาษาอังกฤษ", "English text")} · ${t("ย่อหน้า", "paragraph")} ${d.paragraph ?? "-"}${d.slot ? " · " + d.slot : ""}`)),
          el("p", { lang: d.lang }, words(d)),
          (d.binding || []).length ? el("ul", {}, d.binding.map((b) => el("li", {}, el("strong", {}, `${b.rule}: `),
            t(`คำที่มีผลผูกพัน “${b.text}”`, `binding term “${b.text}”`), " — ", SD.lang === "en" ? `use ${b.hint_en}` : b.hint_th))) : null)))),
      !(r.deviations || []).length ? el("p", {}, t("ร่างนี้ตรงกับร่างมาตรฐานทุกคำ", "The draft matches the standard word for word")) : null,
    ].filter(Boolean));
  }

  function clauseName(k) {
    const m = /^clause-(\d+)$/.exec(k);
    if (m) return t(`ข้อ ${m[1]}`, `Clause ${m[1]}`);
    const names = { title: { th: "ชื่อเอกสาร", en: "Title" }, preamble: { th: "อารัมภบท", en: "Preamble" }, signing: { th: "การลงนาม", en: "Signing" } };
    return names[k] ? pick(names[k]) : k;
  }

  async function compare(e) {
    e.preventDefault();
    problem(null);
    const host = document.getElementById("report");
    host.replaceChildren(el("p", { class: "muted" }, t("กำลังเปรียบเทียบ…", "Comparing…")));
    try {
      const r = await api("/api/diff", { method: "POST", body: form(false) });
      last = await r.json();
      render(last);
    } catch (err) {
      host.replaceChildren();
      problem(err);
    }
  }

  async function redline() {
    problem(null);
    try {
      const r = await api("/api/diff", { method: "POST", body: form(true) });
      await download(r, "redline.docx");
    } catch (err) { problem(err); }
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("review").addEventListener("submit", compare);
    document.getElementById("redline").addEventListener("click", redline);
    document.querySelectorAll("input[name=source]").forEach((r) => r.addEventListener("change", () => {
      document.getElementById("descriptor-box").hidden = source() !== "file";
    }));
    SD.onLang(() => { if (last) render(last); });
  });
})();
