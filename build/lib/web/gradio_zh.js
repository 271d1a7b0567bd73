// Gradio's own English words -> Chinese, whatever the browser's language (see web/locale.py).
// WORDS, PREFIXES, ATTRS and CONTENT are filled in from gradio_zh.json and locale.py.
(() => {
  const WORDS = __WORDS__, PREFIXES = __PREFIXES__, ATTRS = __ATTRS__, CONTENT = __CONTENT__;
  const zh = (value) => {
    if (!value) return null;
    const key = value.trim();
    if (Object.prototype.hasOwnProperty.call(WORDS, key)) return value.replace(key, WORDS[key]);
    for (const [en, cn] of Object.entries(PREFIXES)) if (value.startsWith(en)) return cn + value.slice(en.length);
    return null;
  };
  const fixText = (node) => {
    const v = zh(node.nodeValue);
    if (v !== null && v !== node.nodeValue) node.nodeValue = v;
  };
  const fixAttrs = (el) => {
    for (const name of ATTRS) {
      const old = el.getAttribute(name), v = zh(old);
      if (v !== null && v !== old) el.setAttribute(name, v);
    }
  };
  const fixTree = (root) => {
    if (root.nodeType === Node.TEXT_NODE) {
      if (root.parentElement && !root.parentElement.closest(CONTENT)) fixText(root);
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    fixAttrs(root);
    if (root.closest(CONTENT)) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (n) => n.nodeType === Node.ELEMENT_NODE && n.matches(CONTENT)
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) n.nodeType === Node.TEXT_NODE ? fixText(n) : fixAttrs(n);
  };
  const start = () => {
    document.documentElement.lang = "zh-CN";
    fixTree(document.body);
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === "characterData") fixTree(r.target.parentElement || r.target);
        else if (r.type === "attributes") fixAttrs(r.target);
        else r.addedNodes.forEach(fixTree);
      }
    }).observe(document.body, {
      subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRS,
    });
  };
  document.body ? start() : document.addEventListener("DOMContentLoaded", start);
})();
