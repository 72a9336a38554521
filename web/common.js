// sisterdoc workbench: shared by every page. The site header, the Thai/English
// switch, the API helper (errors come back in both languages) and downloads.
// No rule logic lives here: every check is the server's (the library's).
"use strict";

const SD = (() => {
  const stored = (() => { try { return localStorage.getItem("sisterdoc.lang"); } catch (e) { return null; } })();
  let lang = stored === "en" ? "en" : "th";
  const listeners = [];

  const NAV = [
    { href: "/", th: "ร่างเอกสาร", en: "Draft" },
    { href: "/review", th: "ตรวจร่าง", en: "Review" },
    { href: "/registry", th: "ทะเบียนความสัมพันธ์", en: "Registry" },
  ];

  function t(th, en) { return lang === "en" ? en : th; }
  function pick(o) { return o ? (lang === "en" ? (o.en || o.th || "") : (o.th || o.en || "")) : ""; }

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") e.className = v;
      else if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  // Static texts carry data-th / data-en; swap them on a language change.
  function applyStatic() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-en]").forEach((n) => {
      if (!n.hasAttribute("data-th")) n.setAttribute("data-th", n.textContent);
      n.textContent = n.getAttribute(lang === "en" ? "data-en" : "data-th");
    });
    document.querySelectorAll("[data-en-aria]").forEach((n) => {
      if (!n.hasAttribute("data-th-aria")) n.setAttribute("data-th-aria", n.getAttribute("aria-label") || "");
      n.setAttribute("aria-label", n.getAttribute(lang === "en" ? "data-en-aria" : "data-th-aria"));
    });
    const title = document.querySelector("title");
    if (title && title.dataset.titleEn) {
      if (!title.dataset.titleTh) title.dataset.titleTh = title.textContent;
      title.textContent = lang === "en" ? title.dataset.titleEn : title.dataset.titleTh;
    }
  }

  function header() {
    const here = location.pathname;
    const langBtn = el("button", { type: "button", id: "lang-switch", lang: lang === "en" ? "th" : "en",
      onclick: () => setLang(lang === "en" ? "th" : "en") }, lang === "en" ? "ภาษาไทย" : "English");
    const nav = el("nav", { "aria-label": t("เมนูหลัก", "Main menu") },
      el("ul", {}, NAV.map((n) => el("li", {}, el("a", { href: n.href, "aria-current": n.href === here ? "page" : null }, t(n.th, n.en))))));
    const h = el("header", { class: "site" },
      el("div", { class: "bar" },
        el("a", { class: "brand", href: "/" }, el("img", { src: "/assets/favicon.svg", alt: "" }),
          el("span", {}, "sisterdoc ", el("small", {}, t("ร่างเอกสารเมืองพี่เมืองน้อง", "sister-city drafts")))),
        nav, el("div", { class: "lang" }, langBtn)));
    const skip = el("a", { class: "skip-link", href: "#main" }, t("ข้ามไปยังเนื้อหาหลัก", "Skip to main content"));
    const old = document.querySelector("header.site");
    if (old) old.replaceWith(h); else document.body.prepend(h);
    const oldSkip = document.querySelector(".skip-link");
    if (oldSkip) oldSkip.replaceWith(skip); else document.body.prepend(skip);
  }

  function setLang(l) {
    lang = l;
    try { localStorage.setItem("sisterdoc.lang", l); } catch (e) { /* private mode */ }
    header();
    applyStatic();
    listeners.forEach((f) => f(l));
    const sw = document.getElementById("lang-switch");
    if (sw) sw.focus();
  }

  // A refused request: the server's message in the page's language.
  class ApiError extends Error {
    constructor(status, body) {
      const e = (body && body.error) || {};
      super(t(e.th || "เกิดข้อผิดพลาด", e.en || "request failed") + ` (HTTP ${status})`);
      this.status = status; this.body = body || {}; this.code = e.code;
    }
  }

  async function api(path, opts) {
    const r = await fetch(path, opts);
    const type = r.headers.get("content-type") || "";
    if (!r.ok) {
      let body = null;
      if (type.includes("json")) { try { body = await r.json(); } catch (e) { body = null; } }
      throw new ApiError(r.status, body);
    }
    return r;
  }

  async function json(path, body) {
    const r = await api(path, body === undefined ? {} : {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    return r.json();
  }

  function fileNameOf(r, fallback) {
    const cd = r.headers.get("content-disposition") || "";
    const m = /filename="([^"]+)"/.exec(cd);
    return m ? m[1] : fallback;
  }

  // Saves a response as a file through the browser's own download.
  async function download(r, fallback) {
    const blob = await r.blob();
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: fileNameOf(r, fallback) });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  }

  function onLang(f) { listeners.push(f); }

  function debounce(f, ms) {
    let timer = null;
    return (...args) => { clearTimeout(timer); timer = setTimeout(() => f(...args), ms); };
  }

  function toThaiDigits(s) { return String(s).replace(/[0-9]/g, (d) => "๐๑๒๓๔๕๖๗๘๙"[d]); }

  document.addEventListener("DOMContentLoaded", () => { header(); applyStatic(); });

  return { t, pick, el, api, json, download, onLang, debounce, toThaiDigits, ApiError, get lang() { return lang; } };
})();
