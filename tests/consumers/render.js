// Render CSL-JSON items with citeproc-js: node render.js STYLE.csl LOCALE_DIR LANG ITEMS.json
// Prints one bibliography entry per line (plain text), in the order of ITEMS.json.
"use strict";
const fs = require("fs");
const path = require("path");
const CSL = require("citeproc");

const [stylePath, localeDir, lang, itemsPath] = process.argv.slice(2);
const items = JSON.parse(fs.readFileSync(itemsPath, "utf8"));
const byId = Object.fromEntries(items.map((item) => [item.id, item]));
const sys = {
  retrieveLocale: (name) => {
    const file = path.join(localeDir, `locales-${name}.xml`);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : false;
  },
  retrieveItem: (id) => byId[id],
};
const engine = new CSL.Engine(sys, fs.readFileSync(stylePath, "utf8"), lang, true);
engine.setOutputFormat("text");
const out = [];
for (const item of items) {
  // one bibliography per item keeps citenorm's order and makes lines comparable
  engine.updateItems([item.id]);
  const [, entries] = engine.makeBibliography();
  out.push(entries.join("").replace(/\s+/g, " ").trim());
}
process.stdout.write(out.join("\n") + "\n");
