// The registry page: GET /api/pairs with the filters; the server filters
// and searches (Thai or English), this file draws the table.
"use strict";

(() => {
  const { el, t, pick, json } = SD;
  let data = null, provinces = null, countries = null;
  const INSTRUMENT = { mou: { th: "บันทึกความเข้าใจ", en: "MOU" }, loi: { th: "หนังสือแสดงเจตจำนง", en: "LOI" } };
  const STATUS = { signed: { th: "ลงนามแล้ว", en: "signed" }, "in-progress": { th: "อยู่ระหว่างดำเนินการ", en: "in progress" } };

  function params() {
    const p = new URLSearchParams();
    for (const id of ["q", "province", "country", "status"]) {
      const v = document.getElementById("f-" + id).value.trim();
      if (v) p.set(id, v);
    }
    return p;
  }

  async function load() {
    const p = params();
    history.replaceState(null, "", p.toString() ? "?" + p : location.pathname);
    const count = document.getElementById("count");
    try {
      data = await json("/api/pairs?" + p);
      draw();
    } catch (e) {
      count.textContent = e.message;
    }
  }

  function options() {
    const ps = document.getElementById("f-province"), cs = document.getElementById("f-country");
    const pv = ps.value || new URLSearchParams(location.search).get("province") || "";
    const cv = cs.value || new URLSearchParams(location.search).get("country") || "";
    ps.replaceChildren(el("option", { value: "" }, t("ทุกจังหวัด", "All provinces")), ...provinces.map((p) => el("option", { value: p }, p)));
    cs.replaceChildren(el("option", { value: "" }, t("ทุกประเทศ", "All countries")), ...countries.map(([code, n]) => el("option", { value: code }, `${pick(n)} (${code})`)));
    ps.value = provinces.includes(pv) ? pv : (provinces.find((p) => pv && p.includes(pv)) || "");
    cs.value = cv;
  }

  function draw() {
    if (!data) return;
    document.getElementById("count").textContent = t(`พบ ${data.count} รายการ`, `${data.count} relationship(s)`);
    const tbody = document.querySelector("#pairs tbody");
    tbody.replaceChildren(...data.pairs.map((r) => el("tr", {},
      el("td", {}, SD.lang === "en" ? r.province.en : r.province.th),
      el("td", {}, r.partner.th, r.partner.en ? el("span", { class: "hint" }, r.partner.en) : null,
        r.partner_within ? el("span", { class: "hint" }, r.partner_within.th + (r.partner_within.en ? " / " + r.partner_within.en : "")) : null),
      el("td", {}, pick(r.country_name)),
      el("td", {}, el("span", { class: "tag " + r.status }, pick(STATUS[r.status] || { th: r.status, en: r.status }))),
      el("td", {}, [r.year_be ? t(`พ.ศ. ${r.year_be}`, `B.E. ${r.year_be}`) : "", INSTRUMENT[r.instrument] ? ` · ${pick(INSTRUMENT[r.instrument])}` : "", r.signed_by ? ` · ${r.signed_by}` : ""].join("")),
      el("td", {}, (r.sources || []).map((s) => el("span", { class: "hint" }, `${s.table} #${s.row}${s.label ? " (" + s.label + ")" : ""}`))))));
    document.getElementById("tables").replaceChildren(...(data.tables || []).map((tb) => el("li", {},
      el("strong", {}, tb.title), ` — ${tb.file}${tb.as_of ? ", " + tb.as_of : ""} (${tb.printed_rows} ${t("แถว", "rows")})`)));
  }

  document.addEventListener("DOMContentLoaded", () => {
    const sp = new URLSearchParams(location.search);
    document.getElementById("f-q").value = sp.get("q") || "";
    document.getElementById("f-status").value = sp.get("status") || "";
    const again = SD.debounce(load, 250);
    document.getElementById("filters").addEventListener("input", again);
    document.getElementById("filters").addEventListener("change", again);
    document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); load(); });
    SD.onLang(() => { if (provinces) options(); draw(); });
    json("/api/pairs").then((all) => {
      provinces = all.provinces;
      const seen = new Map();
      all.pairs.forEach((r) => seen.set(r.country, r.country_name));
      countries = [...seen.entries()].sort((a, b) => a[1].th.localeCompare(b[1].th, "th"));
      options();
      load();
    }, (e) => { document.getElementById("count").textContent = e.message; });
  });
})();
