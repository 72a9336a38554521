// The draft page: a guided form built from the server's form definition
// (GET /api/form, the library's one definition of the descriptor's fields).
// The form state (values keyed by descriptor path) goes to POST /api/form/check
// on every change; the server writes the YAML, runs the same checks as
// `sisterdoc check`, and says which input each message belongs to. This file
// only shows what the server says: it holds no rule.
"use strict";

(() => {
  const { el, t, pick, json, api, download } = SD;
  const PERIOD_UNITS = [
    { key: "days", th: "วัน", en: "days" },
    { key: "months", th: "เดือน", en: "months" },
    { key: "years", th: "ปี", en: "years" },
  ];
  const OTHER = "__other__";
  let def = null;          // the form definition
  let fields = [];         // [{...field, step}], without the fields of list rows
  let groups = {};         // list path -> the fields of one row
  let state = {};          // descriptor path -> value
  let stepIndex = 0;
  let result = null;       // last /api/form/check answer
  let seq = 0, previewSeq = 0;

  // Kinds of the form definition, grouped by the widget that edits them.
  const LIST_KINDS = ["key_list", "choice_list", "key_or_bilingual_list"];
  const isList = (f) => LIST_KINDS.includes(f.kind);
  const isCombo = (f) => f.kind === "lookup" || (f.kind === "choice" && f.free_text);
  const idOf = (name) => "in-" + name.replace(/[^A-Za-z0-9_-]/g, "-");
  // The field an input or a diagnostic's path belongs to; a row's field
  // (`proposal.plan[1].budget` or `proposal.plan.1.budget`) as its row's def.
  const fieldOf = (raw) => {
    const name = String(raw).replace(/\[(\d+)\]/g, ".$1");
    const row = /^(.*?)\.(\d+)\.(.*)$/.exec(name);
    if (row && groups[row[1]]) {
      const c = groups[row[1]].find((g) => row[3] === g.path.slice(row[1].length + 1) || row[3].startsWith(g.path.slice(row[1].length + 1) + "."));
      if (c) return rowDef(c, Number(row[2]));
      if (groups[row[1]]) return { path: row[1], label: {}, step: groups[row[1]][0].step };
    }
    return fields.find((f) => f.path === name) ||
      fields.filter((f) => name.startsWith(f.path + ".")).sort((a, b) => b.path.length - a.path.length)[0] ||
      (groups[name] ? { path: name, label: {}, step: groups[name][0].step } : undefined);
  };

  // ---- building the form -------------------------------------------------

  function labelFor(f, forId) {
    const req = f.required === "optional" ? el("span", { class: "optional" }, t(" (ไม่บังคับ)", " (optional)")) : null;
    return el("label", { for: forId }, pick(f.label), req);
  }
  function legendFor(f) {
    const req = f.required === "optional" ? el("span", { class: "optional" }, t(" (ไม่บังคับ)", " (optional)")) : null;
    return el("legend", { class: "label" }, pick(f.label), req);
  }
  function hintFor(f) {
    const h = pick(f.help);
    return h ? el("span", { class: "hint", id: "hint-" + idOf(f.path) }, h) : null;
  }
  function described(input, f) {
    const h = pick(f.help);
    if (h) { input.setAttribute("aria-describedby", "hint-" + idOf(f.path)); input.dataset.hint = "hint-" + idOf(f.path); }
    return input;
  }
  function choiceLabel(c) { return pick(c); }

  function textInput(name, f, extra) {
    return described(el("input", Object.assign({ type: "text", id: idOf(name), name, spellcheck: "false" }, extra || {})), f);
  }

  function pairInputs(f, path) {
    return el("div", { class: "pair" },
      el("div", {}, el("label", { for: idOf(path + ".th") }, t("ภาษาไทย", "In Thai")), textInput(path + ".th", f, { lang: "th" })),
      el("div", {}, el("label", { for: idOf(path + ".en") }, t("ภาษาอังกฤษ", "In English")), textInput(path + ".en", f, { lang: "en" })));
  }

  function combobox(f) {
    const id = idOf(f.path), lb = "lb-" + id;
    const input = textInput(f.path, f, { role: "combobox", "aria-autocomplete": "list", "aria-expanded": "false", "aria-controls": lb });
    const list = el("ul", { id: lb, role: "listbox", hidden: true, "aria-label": pick(f.label) });
    let active = -1, shown = [];
    const close = () => { list.hidden = true; input.setAttribute("aria-expanded", "false"); input.removeAttribute("aria-activedescendant"); active = -1; };
    const choose = (c) => { input.value = choiceLabel(c); close(); changed(); };
    const mark = () => {
      [...list.children].forEach((li, i) => li.setAttribute("aria-selected", i === active ? "true" : "false"));
      if (active >= 0) { input.setAttribute("aria-activedescendant", list.children[active].id); list.children[active].scrollIntoView({ block: "nearest" }); }
    };
    const open = () => {
      const q = input.value.trim().toLowerCase();
      shown = (f.choices || []).filter((c) => !q || [c.th, c.en, c.key].some((s) => String(s).toLowerCase().includes(q))).slice(0, 12);
      list.replaceChildren(...shown.map((c, i) => el("li", { role: "option", id: `${lb}-${i}`, "aria-selected": "false",
        onmousedown: (e) => { e.preventDefault(); choose(c); } }, choiceLabel(c), el("span", { class: "sub" }, SD.lang === "en" ? c.th : c.en))));
      active = -1;
      list.hidden = shown.length === 0;
      input.setAttribute("aria-expanded", shown.length ? "true" : "false");
    };
    input.addEventListener("input", open);
    input.addEventListener("focus", () => { if (input.value === "") open(); });
    input.addEventListener("blur", () => setTimeout(close, 100));
    input.addEventListener("keydown", (e) => {
      if (e.key === "ArrowDown") { if (list.hidden) open(); active = Math.min(active + 1, shown.length - 1); mark(); e.preventDefault(); }
      else if (e.key === "ArrowUp") { active = Math.max(active - 1, 0); mark(); e.preventDefault(); }
      else if (e.key === "Enter" && !list.hidden && active >= 0) { choose(shown[active]); e.preventDefault(); }
      else if (e.key === "Escape" && !list.hidden) { close(); e.preventDefault(); }
    });
    return el("div", { class: "combo" }, input, list);
  }

  function renderField(f) {
    const box = el("div", { class: "field", id: "field-" + idOf(f.path), "data-path": f.path, "data-section": f.section || null });
    const kind = f.kind;
    if (kind === "bilingual") {
      box.append(el("fieldset", {}, legendFor(f), hintFor(f), el("div", { class: "messages" }), pairInputs(f, f.path)));
    } else if (kind === "key_or_bilingual") {
      const sel = described(el("select", { id: idOf(f.path), name: f.path },
        (f.choices || []).map((c) => el("option", { value: c.key }, choiceLabel(c))),
        el("option", { value: OTHER }, t("อื่น ๆ (ระบุเอง)", "Other (write it in)"))), f);
      const other = el("div", { class: "other", hidden: true }, pairInputs(f, f.path));
      sel.addEventListener("change", () => { other.hidden = sel.value !== OTHER; });
      box.append(labelFor(f, idOf(f.path)), hintFor(f), el("div", { class: "messages" }), sel, other);
    } else if (isList(f)) {
      const boxes = el("div", { class: "checkboxes" }, (f.choices || []).map((c, i) => {
        const id = `${idOf(f.path)}-${i}`;
        return el("div", { class: "check" }, el("input", { type: "checkbox", id, name: f.path, value: c.key }), el("label", { for: id }, choiceLabel(c)));
      }));
      const custom = el("div", { class: "custom-rows" });
      const parts = [legendFor(f), hintFor(f), el("div", { class: "messages" }), boxes];
      if (f.free_text) {
        parts.push(custom, el("div", { class: "actions" }, el("button", { type: "button", class: "secondary",
          onclick: () => { addCustomRow(f, custom, { th: "", en: "" }); const last = custom.lastElementChild; if (last) last.querySelector("input").focus(); } },
          t("เพิ่มรายการที่ไม่มีในรายชื่อ", "Add one not in the list"))));
      }
      box.append(el("fieldset", {}, parts));
      box.querySelectorAll("input[type=checkbox]").forEach((c) => described(c, f));
    } else if (kind === "date") {
      const base = idOf(f.path);
      box.append(el("fieldset", {}, legendFor(f), hintFor(f), el("div", { class: "messages" }),
        el("input", { type: "hidden", name: f.path, id: base }),
        el("div", { class: "date-parts" },
          el("div", {}, el("label", { for: base + "-day" }, t("วันที่", "Day")), described(el("input", { type: "text", inputmode: "numeric", class: "narrow", id: base + "-day", name: f.path + ".day", maxlength: "2" }), f)),
          el("div", {}, el("label", { for: base + "-month" }, t("เดือน", "Month")), described(el("select", { id: base + "-month", name: f.path + ".month", class: "narrow" },
            el("option", { value: "" }, t("— เลือกเดือน —", "— month —")),
            (def.months || []).map((m, i) => el("option", { value: String(i + 1) }, pick(m)))), f)),
          el("div", {}, el("label", { for: base + "-year" }, t("ปี พ.ศ.", "Year (B.E.)")), described(el("input", { type: "text", inputmode: "numeric", class: "year", id: base + "-year", name: f.path + ".year", maxlength: "4" }), f))),
        el("p", { class: "date-shown", id: base + "-shown", "aria-live": "polite" })));
    } else if (kind === "period") {
      const base = idOf(f.path);
      box.append(el("fieldset", {}, legendFor(f), hintFor(f), el("div", { class: "messages" }),
        el("div", { class: "period-parts" },
          el("div", {}, el("label", { for: base }, t("จำนวน", "Number")), described(el("input", { type: "text", inputmode: "numeric", class: "narrow", id: base, name: f.path }), f)),
          el("div", {}, el("label", { for: base + "-unit" }, t("หน่วย", "Unit")), el("select", { id: base + "-unit", name: f.path + ".unit", class: "narrow" },
            ((f.choices && f.choices.length) ? f.choices : PERIOD_UNITS).map((u) => el("option", { value: u.key }, pick(u))))))));
    } else if (kind === "bool") {
      box.append(el("div", { class: "messages" }), el("div", { class: "check" },
        described(el("input", { type: "checkbox", id: idOf(f.path), name: f.path }), f), el("label", { for: idOf(f.path) }, pick(f.label))), hintFor(f));
    } else if (isCombo(f)) {
      box.append(labelFor(f, idOf(f.path)), hintFor(f), el("div", { class: "messages" }), combobox(f));
    } else if (kind === "choice") {
      const sel = described(el("select", { id: idOf(f.path), name: f.path },
        f.required === "optional" || f.required.startsWith("with:") ? el("option", { value: "" }, t("— ไม่ระบุ —", "— not given —")) : null,
        (f.choices || []).map((c) => el("option", { value: c.key }, choiceLabel(c)))), f);
      box.append(labelFor(f, idOf(f.path)), hintFor(f), el("div", { class: "messages" }), sel);
    } else {
      box.append(labelFor(f, idOf(f.path)), hintFor(f), el("div", { class: "messages" }),
        textInput(f.path, f, kind === "int" ? { inputmode: "numeric" } : {}));
    }
    return box;
  }

  function addCustomRow(f, host, v) {
    const i = host.children.length;
    const path = `${f.path}.custom.${i}`;
    const row = el("div", { class: "custom-row" }, pairInputs(f, path),
      el("button", { type: "button", class: "secondary", onclick: () => { row.remove(); changed(); } }, t("ลบรายการนี้", "Remove this one")));
    host.append(row);
    row.querySelector(`[name="${path}.th"]`).value = v.th || "";
    row.querySelector(`[name="${path}.en"]`).value = v.en || "";
  }

  function build() {
    const host = document.getElementById("step-host");
    const docChoices = ((fields.find((f) => f.path === "documents") || {}).choices) || [];
    const stepFields = (s) => {
      const out = [], seen = new Set();
      let section = null;
      for (const f of s.fields) {
        // A heading where the MOU's or the LOI's own questions begin.
        const doc = docChoices.find((c) => c.key === f.section);
        if (doc && f.section !== section) out.push(el("h3", { class: "section-heading", "data-section-heading": f.section }, pick(doc)));
        section = f.section;
        if (!f.row_of) out.push(renderField(f));
        else if (!seen.has(f.row_of)) { seen.add(f.row_of); out.push(renderGroup(f.row_of, groups[f.row_of])); }
      }
      return out;
    };
    host.replaceChildren(...def.steps.map((s, i) => el("fieldset", { class: "step", id: "step-" + s.id, hidden: i !== stepIndex },
      el("legend", {}, el("h2", { tabindex: "-1", id: "step-h-" + s.id }, pick(s.label))),
      stepFields(s))));
    const nav = document.getElementById("steps");
    nav.replaceChildren(...def.steps.map((s, i) => el("li", {}, el("button", { type: "button", "data-step": s.id,
      "aria-current": i === stepIndex ? "step" : null, onclick: () => showStep(i, true) }, pick(s.label), el("span", { class: "badge", hidden: true })))));
    fill(state);
    updateButtons();
  }

  function showStep(i, focus) {
    stepIndex = Math.max(0, Math.min(i, def.steps.length - 1));
    def.steps.forEach((s, j) => {
      document.getElementById("step-" + s.id).hidden = j !== stepIndex;
      const b = document.querySelector(`[data-step="${s.id}"]`);
      if (j === stepIndex) b.setAttribute("aria-current", "step"); else b.removeAttribute("aria-current");
    });
    updateButtons();
    if (focus) document.getElementById("step-h-" + def.steps[stepIndex].id).focus();
  }

  function updateButtons() {
    document.getElementById("prev").hidden = stepIndex === 0;
    document.getElementById("next").hidden = stepIndex === def.steps.length - 1;
  }

  // ---- form <-> state ------------------------------------------------------

  const q = (name) => document.querySelector(`[name="${CSS.escape(name)}"]`);
  const val = (name) => { const e = q(name); return e ? e.value.trim() : ""; };

  function matchChoice(f, text) {
    const s = String(text).trim().toLowerCase();
    return (f.choices || []).find((c) => [c.key, c.th, c.en].some((x) => String(x).toLowerCase() === s));
  }

  // The value of one field from its inputs.
  function readField(f) {
    const p = f.path;
    switch (f.kind) {
      case "bilingual": return { th: val(p + ".th"), en: val(p + ".en") };
      case "key_or_bilingual": {
        const v = val(p);
        return v === OTHER ? { th: val(p + ".th"), en: val(p + ".en") } : v;
      }
      case "key_list": case "choice_list": case "key_or_bilingual_list": {
        const list = [...document.querySelectorAll(`input[type=checkbox][name="${CSS.escape(p)}"]`)].filter((c) => c.checked).map((c) => c.value);
        document.querySelectorAll(`#field-${CSS.escape(idOf(p))} .custom-row`).forEach((row) => {
          const [th, en] = [...row.querySelectorAll("input")].map((i) => i.value.trim());
          if (th || en) list.push({ th, en });
        });
        return list;
      }
      case "date": {
        const d = val(p + ".day"), m = val(p + ".month"), y = val(p + ".year");
        if (!d && !m && !y) return "";
        const ce = /^\d+$/.test(y) ? String(Number(y) - (def.be_offset || 543)).padStart(4, "0") : y;
        const iso = `${ce}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
        const hidden = q(p);
        if (hidden) hidden.value = iso;
        return iso;
      }
      case "period": { const n = val(p); return n ? `${n} ${val(p + ".unit")}` : ""; }
      case "bool": { const e = q(p); return !!(e && e.checked); }
      case "choice": case "lookup": {
        const v = val(p);
        if (isCombo(f)) { const c = matchChoice(f, v); return c ? c.key : v; }
        return v;
      }
      default: return val(p);
    }
  }

  // A row field's definition for row `i` of its list (`proposal.plan.0.budget`).
  function rowDef(f, i) {
    return Object.assign({}, f, { path: `${f.row_of}.${i}.${f.path.slice(f.row_of.length + 1)}`, key: f.path.slice(f.row_of.length + 1) });
  }

  function rowCount(group) { return document.querySelectorAll(`[data-row-of="${CSS.escape(group)}"]`).length; }

  function collect() {
    const s = {};
    for (const f of fields) s[f.path] = readField(f);
    for (const [group, children] of Object.entries(groups)) {
      const rows = [];
      for (let i = 0; i < rowCount(group); i++) {
        const o = {};
        children.forEach((c) => { const d = rowDef(c, i); const v = readField(d); if (v !== "" && !(v && v.th === "" && v.en === "")) o[d.key] = v; });
        if (Object.keys(o).length) rows.push(o);
      }
      s[group] = rows;
    }
    return visible(s);
  }

  // Which fields apply: a `loi`/`mou` section only when that document is
  // drafted, a `when:key=value` field only when its sibling has that value.
  // Fields that do not apply are hidden and left out of the descriptor.
  function applies(f, s) {
    const docs = Array.isArray(s.documents) ? s.documents : [];
    if ((f.section === "loi" || f.section === "mou") && !docs.includes(f.section)) return false;
    const m = /^when:([^=]+)=(.*)$/.exec(f.required || "");
    if (m) {
      const sibling = f.path.split(".").slice(0, -1).concat(m[1]).join(".");
      return s[sibling] === m[2];
    }
    return true;
  }

  function visible(s) {
    const docs = Array.isArray(s.documents) ? s.documents : [];
    document.querySelectorAll("[data-section-heading]").forEach((h) => { h.hidden = !docs.includes(h.dataset.sectionHeading); });
    for (const f of fields) {
      const on = applies(f, s);
      const box = document.getElementById("field-" + idOf(f.path));
      if (box) box.hidden = !on;
      if (!on) delete s[f.path];
    }
    return s;
  }

  function setVal(name, v) { const e = q(name); if (e) e.value = v === undefined || v === null ? "" : v; }

  function writeField(f, v) {
    const p = f.path;
    switch (f.kind) {
      case "bilingual": setVal(p + ".th", v && v.th); setVal(p + ".en", v && v.en); break;
      case "key_or_bilingual": {
        const other = v && typeof v === "object";
        const known = !other && (f.choices || []).some((c) => c.key === v);
        setVal(p, other || (v && !known) ? OTHER : (v || (f.choices && f.choices[0] ? f.choices[0].key : "")));
        if (other) { setVal(p + ".th", v.th); setVal(p + ".en", v.en); } else if (v && !known) { setVal(p + ".th", v); }
        const box = document.querySelector(`#field-${CSS.escape(idOf(p))} .other`);
        if (box) box.hidden = q(p).value !== OTHER;
        break;
      }
      case "key_list": case "choice_list": case "key_or_bilingual_list": {
        const list = Array.isArray(v) ? v : [];
        document.querySelectorAll(`input[type=checkbox][name="${CSS.escape(p)}"]`).forEach((c) => { c.checked = list.includes(c.value); });
        const host = document.querySelector(`#field-${CSS.escape(idOf(p))} .custom-rows`);
        if (host) { host.replaceChildren(); list.filter((x) => typeof x === "object" || !(f.choices || []).some((c) => c.key === x))
          .forEach((x) => addCustomRow(f, host, typeof x === "object" ? x : { th: x, en: "" })); }
        break;
      }
      case "date": {
        const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v || "");
        setVal(p, v || "");
        setVal(p + ".day", m ? String(Number(m[3])) : "");
        setVal(p + ".month", m ? String(Number(m[2])) : "");
        setVal(p + ".year", m ? String(Number(m[1]) + (def.be_offset || 543)) : "");
        break;
      }
      case "period": {
        const m = /^\s*(\d+)\s*([a-z]+)\s*$/.exec(v || "");
        setVal(p, m ? m[1] : (v || ""));
        if (m) setVal(p + ".unit", m[2]);
        break;
      }
      case "bool": { const e = q(p); if (e) e.checked = v === undefined ? true : !!v; break; }
      case "choice": case "lookup": {
        if (isCombo(f)) { const c = matchChoice(f, v || ""); setVal(p, c ? choiceLabel(c) : (v || "")); } else setVal(p, v || "");
        break;
      }
      default: setVal(p, v);
    }
  }

  function fill(s) {
    for (const f of fields) writeField(f, s[f.path]);
    for (const [group, children] of Object.entries(groups)) {
      const rows = Array.isArray(s[group]) ? s[group] : [];
      const host = document.querySelector(`[data-rows="${CSS.escape(group)}"]`);
      if (!host) continue;
      host.replaceChildren();
      rows.forEach((r, i) => {
        addRow(group, children, host);
        children.forEach((c) => { const d = rowDef(c, i); writeField(d, r[d.key]); });
      });
    }
  }

  // A repeatable group of fields (a list of mappings, e.g. the action plan).
  function renderGroup(group, children) {
    const parent = def.lists && def.lists[group];
    const host = el("div", { class: "rows", "data-rows": group });
    return el("fieldset", { class: "field group", id: "field-" + idOf(group), "data-path": group, "data-section": children[0].section || null },
      el("legend", { class: "label" }, parent ? pick(parent.label) : group),
      parent && pick(parent.help) ? el("span", { class: "hint" }, pick(parent.help)) : null,
      el("div", { class: "messages" }), host,
      el("div", { class: "actions" }, el("button", { type: "button", class: "secondary",
        onclick: () => { addRow(group, children, host); const first = host.lastElementChild.querySelector("input, select"); if (first) first.focus(); } },
        t("เพิ่มรายการ", "Add a row"))));
  }

  function addRow(group, children, host) {
    const i = host.children.length;
    const row = el("div", { class: "row", "data-row-of": group },
      el("h3", {}, t(`รายการที่ ${i + 1}`, `Row ${i + 1}`)),
      children.map((c) => renderField(rowDef(c, i))),
      el("button", { type: "button", class: "secondary", onclick: () => {
        const s = collect(); const rows = s[group] || []; rows.splice(i, 1); s[group] = rows; fill(s); changed();
      } }, t("ลบรายการนี้", "Remove this row")));
    host.append(row);
  }

  // ---- checking --------------------------------------------------------------

  const save = () => { try { localStorage.setItem("sisterdoc.draft", JSON.stringify(state)); } catch (e) { /* full or private */ } };
  const checkSoon = SD.debounce(() => check(), 300);
  const previewSoon = SD.debounce(() => preview(), 700);

  function changed() {
    state = collect();
    save();
    checkSoon();
  }

  async function check() {
    const mine = ++seq;
    setStatus(t("กำลังตรวจ…", "Checking…"), "");
    try {
      const r = await json("/api/form/check", state);
      if (mine !== seq) return null;
      const same = result && result.yaml === r.yaml;
      result = r;
      try { localStorage.setItem("sisterdoc.yaml", r.yaml); } catch (e) { /* ignore */ }
      // Redraw only what changed, so a message (and its fix button) is not
      // replaced under the user's pointer by an identical one.
      if (!same) { show(); previewSoon(); } else setStatus(statusText(), r.errors ? "error" : "");
      return r;
    } catch (e) {
      if (mine === seq) setStatus(e.message, "error");
      return null;
    }
  }

  function setStatus(text, cls) {
    const s = document.getElementById("check-state");
    s.replaceChildren(text ? el("p", { class: cls === "error" ? "notice error" : "muted" }, text) : "");
  }

  function focusTargetName(input) {
    const f = fieldOf(input);
    if (!f) return null;
    if (f.kind === "date" && input === f.path) return f.path + ".day";
    if (f.kind === "bilingual" && input === f.path) return f.path + ".th";
    return input;
  }

  // "proposal.plan[1].budget" -> "proposal.plan.1.budget" (the input's name).
  function normPath(p) { return p ? String(p).replace(/\[(\d+)\]/g, ".$1") : p; }

  function stepOf(f) { return def.steps.findIndex((s) => s.id === f.step); }

  function goTo(inputName) {
    const f = fieldOf(inputName);
    if (!f) return;
    showStep(stepOf(f), false);
    const e = q(focusTargetName(inputName));
    if (e) { e.focus(); e.scrollIntoView({ block: "center" }); }
  }

  function clearMarks() {
    document.querySelectorAll("#step-host .messages").forEach((m) => m.replaceChildren());
    document.querySelectorAll("#step-host .field").forEach((b) => b.classList.remove("has-error", "has-warning"));
    document.querySelectorAll("#step-host [aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
    document.querySelectorAll("#step-host input, #step-host select").forEach((e) => {
      if (e.dataset.hint) e.setAttribute("aria-describedby", e.dataset.hint); else e.removeAttribute("aria-describedby");
    });
    document.querySelectorAll("#steps .badge").forEach((b) => { b.hidden = true; b.textContent = ""; });
  }

  function message(d) { return SD.lang === "en" ? d.message_en : d.message_th; }
  function hint(d) { return SD.lang === "en" ? d.hint : (d.hint_th || d.hint); }

  function applyFix(input, value) {
    const f = fieldOf(input);
    const name = focusTargetName(input);
    const e = q(name);
    if (!f || !e) return;
    if (isCombo(f)) { const c = matchChoice(f, value); e.value = c ? choiceLabel(c) : value; }
    else e.value = value;
    changed();
    e.focus();
  }

  function show() {
    clearMarks();
    const r = result;
    const errs = [], warns = [], general = [];
    const perStep = new Map();
    r.diagnostics.forEach((d, i) => {
      const input = normPath(d.input || d.path);
      const f = input ? fieldOf(input) : null;
      const box = f ? document.getElementById("field-" + idOf(f.path)) : null;
      if (!box) { general.push(d); return; }
      const isErr = d.severity === "error";
      (isErr ? errs : warns).push(d);
      const mid = `msg-${i}`;
      const fix = d.fix && d.fix.value;
      const msg = el("p", { class: `message ${isErr ? "error-message" : "warning-message"}`, id: mid },
        el("span", { class: "visually-hidden" }, isErr ? t("ข้อผิดพลาด: ", "Error: ") : t("ข้อควรระวัง: ", "Warning: ")),
        message(d), el("span", { class: "rule" }, `[${d.rule}]`),
        hint(d) ? el("span", { class: "fix-hint" }, hint(d)) : null);
      box.querySelector(".messages").append(msg);
      if (fix) box.querySelector(".messages").append(el("button", { type: "button", class: "fix", "data-fix-for": input,
        onclick: () => applyFix(input, String(fix)) }, t(`ใช้ “${fixLabel(f, fix)}”`, `Use “${fixLabel(f, fix)}”`)));
      box.classList.add(isErr ? "has-error" : (box.classList.contains("has-error") ? "has-error" : "has-warning"));
      const target = q(focusTargetName(input));
      if (target) {
        if (isErr) target.setAttribute("aria-invalid", "true");
        const ids = (target.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
        ids.push(mid);
        target.setAttribute("aria-describedby", ids.join(" "));
      }
      if (isErr) { const s = stepOf(f); perStep.set(s, (perStep.get(s) || 0) + 1); }
    });
    perStep.forEach((n, s) => {
      const b = document.querySelector(`[data-step="${def.steps[s].id}"] .badge`);
      if (b) { b.hidden = false; b.textContent = String(n); b.setAttribute("aria-label", t(`${n} ข้อผิดพลาด`, `${n} errors`)); }
    });
    summary(errs, warns, general);
    registry(r.registry);
    const shown = document.getElementById(idOf("signing.date") + "-shown");
    if (shown) { const d = r.display && r.display["signing.date"]; shown.textContent = d ? pick(d) : ""; }
    const nErr = r.errors;
    setStatus(statusText(), nErr ? "error" : "");
    const kinds = Array.isArray(state.documents) ? state.documents : [];
    document.querySelectorAll("[data-dl]").forEach((b) => {
      const k = b.dataset.dl.split("-")[0];
      b.hidden = (k === "loi" || k === "mou") && !kinds.includes(k);
      b.disabled = nErr > 0 && b.dataset.dl !== "yaml";
    });
  }

  function statusText() {
    const nErr = result ? result.errors : 0;
    return nErr ? t(`มีข้อผิดพลาด ${nErr} รายการ ต้องแก้ก่อนดาวน์โหลด`, `${nErr} error(s): fix them before downloading`)
      : t("ผ่านการตรวจแล้ว ดาวน์โหลดได้", "Passes the checks: ready to download");
  }

  function fixLabel(f, value) {
    if (f && f.choices) { const c = matchChoice(f, value); if (c) return choiceLabel(c); }
    return value;
  }

  function summary(errs, warns, general) {
    const host = document.getElementById("summary");
    const item = (d) => {
      const input = normPath(d.input || d.path);
      const f = fieldOf(input);
      const label = f ? pick(f.label) + ": " : "";
      return el("li", {}, el("a", { href: "#" + idOf(focusTargetName(input)), onclick: (e) => { e.preventDefault(); goTo(input); } }, label + message(d)));
    };
    const genErr = general.filter((d) => d.severity === "error");
    if (!errs.length && !genErr.length) {
      host.replaceChildren(warns.length || general.length ? el("div", { class: "notice" },
        el("h2", {}, t("ข้อควรพิจารณา", "Points to consider")),
        el("ul", {}, warns.map(item), general.map((d) => el("li", {}, message(d))))) : "");
      return;
    }
    host.replaceChildren(el("div", { class: "error-summary", "aria-labelledby": "summary-title" },
      el("h2", { id: "summary-title" }, t(`มีปัญหาที่ต้องแก้ ${errs.length + genErr.length} รายการ`, `There ${errs.length + genErr.length === 1 ? "is a problem" : "are problems"} to fix (${errs.length + genErr.length})`)),
      el("ul", {}, errs.map(item), genErr.map((d) => el("li", {}, message(d) + " [" + d.rule + "]"))),
      warns.length ? el("p", { class: "muted" }, t(`และข้อควรพิจารณาอีก ${warns.length} รายการ`, `and ${warns.length} point(s) to consider`)) : null));
  }

  function registry(notes) {
    const host = document.getElementById("registry");
    if (!notes || !notes.length) {
      host.replaceChildren(el("p", { class: "muted" }, state["thai_side.province"] && state["partner.country"]
        ? t("ไม่พบความสัมพันธ์เดิมของจังหวัดนี้กับเมืองนี้หรือในประเทศนี้", "No existing relationship of this province with this partner or in this country.")
        : t("จะแสดงเมื่อระบุจังหวัดและเมืองคู่ความสัมพันธ์แล้ว", "Shown once the province and the partner are known.")));
      return;
    }
    host.replaceChildren(el("ul", {}, notes.map((d) => el("li", {}, el("strong", {}, d.rule + " "), message(d),
      hint(d) ? el("details", {}, el("summary", {}, t("คำแนะนำ", "What to do")), el("span", { class: "hint" }, hint(d))) : null))),
      el("p", {}, el("a", { href: "/registry?province=" + encodeURIComponent(state["thai_side.province"] || "") }, t("ดูทะเบียนของจังหวัดนี้", "See this province in the registry"))));
  }

  // ---- preview and files -------------------------------------------------------

  async function preview() {
    if (!result) return;
    const mine = ++previewSeq;
    const kindSel = document.getElementById("preview-kind");
    const kinds = Array.isArray(state.documents) ? state.documents : [];
    [...kindSel.options].forEach((o) => { o.disabled = !kinds.includes(o.value); });
    if (!kinds.includes(kindSel.value) && kinds.length) kindSel.value = kinds[0];
    const note = document.getElementById("preview-note");
    if (!kinds.length) { note.textContent = t("ยังไม่ได้เลือกเอกสาร", "No document chosen yet"); return; }
    try {
      const r = await api(`/api/render?kind=${kindSel.value}&format=pdf&allow_errors=1`, { method: "POST", headers: { "Content-Type": "application/yaml" }, body: result.yaml });
      const blob = await r.blob();
      if (mine !== previewSeq) return;
      const frame = document.getElementById("preview");
      const old = frame.dataset.url;
      frame.dataset.url = URL.createObjectURL(blob);
      frame.src = frame.dataset.url;
      if (old) setTimeout(() => URL.revokeObjectURL(old), 5000);
      note.textContent = result.errors ? t("ตัวอย่างนี้ยังมีข้อผิดพลาด ทุกหน้าจึงมีเครื่องหมาย “ไม่เป็นไปตามร่างมาตรฐาน”", "This preview still has errors, so every page is marked as not compliant")
        : t("ตัวอย่างตรงกับไฟล์ PDF ที่จะดาวน์โหลด", "This is the PDF you will download");
    } catch (e) {
      if (mine === previewSeq) note.textContent = t("ยังแสดงตัวอย่างไม่ได้: ", "No preview yet: ") + e.message;
    }
  }

  async function downloadFile(which) {
    const out = document.getElementById("dl-result");
    out.replaceChildren();
    const r0 = await check();
    if (!r0) return;
    try {
      let r;
      if (which === "yaml") {
        r = await api("/api/form/descriptor", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(state) });
        await download(r, "descriptor.yaml");
      } else if (which === "zip") {
        r = await api("/api/render.zip", { method: "POST", headers: { "Content-Type": "application/yaml" }, body: r0.yaml });
        await download(r, "sisterdoc.zip");
      } else {
        const [kind, format] = which.split("-");
        r = await api(`/api/render?kind=${kind}&format=${format}`, { method: "POST", headers: { "Content-Type": "application/yaml" }, body: r0.yaml });
        await download(r, `${kind}.${format}`);
      }
      out.replaceChildren(el("p", { class: "muted" }, t("ดาวน์โหลดแล้ว", "Downloaded")));
    } catch (e) {
      out.replaceChildren(el("p", { class: "notice error" }, e.message));
    }
  }

  async function openFile(file) {
    const out = document.getElementById("open-result");
    out.replaceChildren();
    try {
      const text = await file.arrayBuffer();
      const r = await api("/api/form/open?name=" + encodeURIComponent(file.name), { method: "POST", headers: { "Content-Type": "application/yaml" }, body: text });
      const body = await r.json();
      state = Object.assign({}, body.state);
      fill(state);
      state = collect();
      save();
      out.replaceChildren(el("p", { class: "notice" }, t(`เปิดไฟล์ ${file.name} แล้ว`, `Opened ${file.name}`),
        body.not_in_form.length ? el("span", { class: "hint" }, t("ส่วนที่แบบฟอร์มนี้ไม่มีช่องกรอก จะไม่ถูกบันทึก: ", "Parts this form has no field for will not be kept: ") + body.not_in_form.join(", ")) : null));
      await check();
    } catch (e) {
      const diags = (e.body && e.body.diagnostics) || [];
      out.replaceChildren(el("div", { class: "notice error" }, el("p", {}, e.message),
        diags.length ? el("ul", {}, diags.map((d) => el("li", {}, `${d.line ? t("บรรทัด ", "line ") + d.line + ": " : ""}${message(d)}`))) : null));
    }
  }

  // ---- start ---------------------------------------------------------------------

  async function start() {
    try {
      def = await json("/api/form");
    } catch (e) {
      document.getElementById("step-host").replaceChildren(el("p", { class: "notice error" }, e.message));
      return;
    }
    const all = def.steps.flatMap((s) => s.fields.map((f) => Object.assign({ step: s.id }, f)));
    fields = all.filter((f) => !f.row_of);
    groups = {};
    all.filter((f) => f.row_of).forEach((f) => { (groups[f.row_of] = groups[f.row_of] || []).push(f); });
    let saved = null;
    try { saved = JSON.parse(localStorage.getItem("sisterdoc.draft") || "null"); } catch (e) { saved = null; }
    state = saved && typeof saved === "object" ? saved : Object.assign({}, def.initial || {});
    build();
    state = collect();
    const host = document.getElementById("step-host");
    host.addEventListener("input", changed);
    host.addEventListener("change", changed);
    document.getElementById("prev").addEventListener("click", () => showStep(stepIndex - 1, true));
    document.getElementById("next").addEventListener("click", () => showStep(stepIndex + 1, true));
    document.getElementById("preview-kind").addEventListener("change", () => preview());
    document.querySelectorAll("[data-dl]").forEach((b) => b.addEventListener("click", () => downloadFile(b.dataset.dl)));
    document.getElementById("open-file").addEventListener("change", (e) => { const f = e.target.files[0]; if (f) openFile(f); e.target.value = ""; });
    document.getElementById("reset").addEventListener("click", () => {
      state = Object.assign({}, def.initial || {});
      result = null; build(); state = collect(); save(); showStep(0, true); check();
    });
    SD.onLang(() => {
      const s = collect();
      build(); state = s; fill(state); showStep(stepIndex, false);
      const frame = document.getElementById("preview");
      frame.title = t("ตัวอย่างเอกสาร PDF", "PDF preview");
      document.getElementById("dl-result").replaceChildren();
      document.getElementById("open-result").replaceChildren();
      if (result) { show(); preview(); }
    });
    await check();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
