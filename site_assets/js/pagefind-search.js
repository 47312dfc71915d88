/*
 * Material's search box, answered by Pagefind (plugin option `pagefind: true`).
 *
 * Material's search downloads its whole index before the first result; Pagefind loads only the
 * index chunks of the words typed and the snippets of the results shown. The plugin builds the
 * Pagefind index after the site and empties Material's index; this script keeps Material's box,
 * overlay, keyboard navigation and result markup, and fills the results from Pagefind. Text from
 * pages is set with textContent; Pagefind's excerpts are escaped text with <mark> only.
 */
(() => {
  const input = document.querySelector('[data-md-component="search-query"]');
  const output = document.querySelector('[data-md-component="search-result"]');
  const configEl = document.getElementById("__config");
  if (!input || !output || !configEl) return;
  const list = output.querySelector(".md-search-result__list");
  const meta = output.querySelector(".md-search-result__meta");
  if (!list || !meta) return;
  const toggle = document.getElementById("__search");
  const config = JSON.parse(configEl.textContent || "{}");
  const words = config.translations || {};
  const base = new URL((config.base || ".").replace(/\/?$/, "/"), location.href);
  const SHOWN = 10;

  let pagefind = null;
  const load = () => {
    pagefind ??= import(new URL("pagefind/pagefind.js", base).href).then(async (pf) => {
      await pf.options({ baseUrl: base.pathname });
      pf.init();
      return pf;
    });
    return pagefind;
  };

  const say = (key, n) => {
    const fallback = {
      "search.result.placeholder": "Type to start searching",
      "search.result.none": "No matching documents",
      "search.result.one": "1 matching document",
      "search.result.other": "# matching documents",
    };
    return (words[key] || fallback[key]).replace("#", String(n));
  };

  const item = (data) => {
    const li = document.createElement("li");
    li.className = "md-search-result__item";
    const a = document.createElement("a");
    a.className = "md-search-result__link";
    a.tabIndex = -1;
    a.href = data.url;
    const article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    const icon = document.createElement("div");
    icon.className = "md-search-result__icon md-icon";
    const h = document.createElement("h1");
    h.textContent = (data.meta && data.meta.title) || data.url;
    const p = document.createElement("p");
    p.innerHTML = data.excerpt; // Pagefind escapes the text and adds only <mark>
    article.append(icon, h, p);
    a.append(article);
    li.append(a);
    return li;
  };

  let asked = 0;
  const search = async () => {
    const query = input.value.trim();
    const ticket = ++asked;
    if (!query) {
      list.replaceChildren();
      meta.textContent = say("search.result.placeholder");
      return;
    }
    const pf = await load();
    const found = await pf.debouncedSearch(query, {}, 150);
    if (found === null || ticket !== asked) return; // a newer query is on its way
    const shown = await Promise.all(found.results.slice(0, SHOWN).map((r) => r.data()));
    if (ticket !== asked) return;
    const n = found.results.length;
    meta.textContent = n === 0 ? say("search.result.none") : say(n === 1 ? "search.result.one" : "search.result.other", n);
    list.replaceChildren(...shown.map(item));
  };

  const open = () => {
    if (toggle && !toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    load();
  };

  // Material would answer from its (now empty) index on these events: they stop here, before
  // they reach the box. Keydown still reaches Material, for its keyboard navigation.
  for (const type of ["keyup", "input", "focus", "focusin", "blur", "focusout"]) {
    document.addEventListener(
      type,
      (event) => {
        if (event.target !== input) return;
        event.stopPropagation();
        if (type === "focus") open();
        if (type === "input") search();
      },
      true,
    );
  }
  input.form?.addEventListener("reset", () => setTimeout(search));
  if (document.activeElement === input) open();
})();
