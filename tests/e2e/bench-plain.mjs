// The benchmark's reference: a plain HTML page holding the same 144-row table as the report, with
// the same ids (#table, button[data-sort], #search, #f-status/#f-region/#f-income) and one line of
// JavaScript each for sort, filter and search doing the same work (reorder rows / set `hidden`).
import { loadData } from "./helpers.mjs";

const esc = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
const fmt = (v) => (v == null ? "n/a" : (v >= 0 ? "+" : "−") + Math.abs(v).toFixed(2));
const WGI = ["va", "pv", "ge", "rq", "rl", "cc"];
const fold = (s) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

export function plainPage() {
  const { countries } = loadData();
  const opts = (id, vals) => `<select id="${id}"><option value="all">All</option>${[...new Set(vals)].sort().map((v) => `<option value="${esc(v)}">${esc(v)}</option>`).join("")}</select>`;
  const th = (k, label) => `<th><button type="button" data-sort="${k}">${label}</button></th>`;
  const rows = countries.map((c) => `<tr data-iso3="${c.iso3}" data-name="${esc(c.name)}" data-status="${c.status}" data-region="${esc(c.region)}" data-income="${esc(c.income)}" data-q="${esc(fold(`${c.name} ${c.fr} ${c.iso3}`))}" ${WGI.map((k) => `data-${k}="${c.wgi[k] ?? ""}"`).join(" ")}><th>${esc(c.name)}</th><td>${c.status}</td><td>${c.grade}</td><td>${esc(c.region)}</td><td>${esc(c.income)}</td>${WGI.map((k) => `<td>${fmt(c.wgi[k])}</td>`).join("")}</tr>`).join("");
  // One line each: sort (numeric when both values are numbers, toggling direction), filter + search.
  const js = `const tb=document.querySelector("#table tbody"),R=[...tb.rows],$=(i)=>document.getElementById(i);let d=-1;document.querySelector("#table thead").addEventListener("click",(e)=>{const b=e.target.closest("button[data-sort]");if(!b)return;const k=b.dataset.sort;d=-d;tb.append(...R.sort((x,y)=>{const a=x.dataset[k],c=y.dataset[k];return d*(a!==""&&c!==""&&!isNaN(a)&&!isNaN(c)?a-c:a.localeCompare(c))}))});`
    + `const f=()=>{const q=$("search").value.normalize("NFD").replace(/[\\u0300-\\u036f]/g,"").toLowerCase(),s=$("f-status").value,g=$("f-region").value,n=$("f-income").value;for(const r of R)r.hidden=!((s==="all"||r.dataset.status===s)&&(g==="all"||r.dataset.region===g)&&(n==="all"||r.dataset.income===n)&&r.dataset.q.includes(q))};for(const i of ["f-status","f-region","f-income"])$(i).addEventListener("change",f);$("search").addEventListener("input",f);`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>plain table</title></head><body><h1>WCIT-12: The Final Vote</h1>`
    + `<input id="search" type="search" aria-label="Search">${opts("f-status", countries.map((c) => c.status))}${opts("f-region", countries.map((c) => c.region))}${opts("f-income", countries.map((c) => c.income))}`
    + `<table id="table"><thead><tr>${th("name", "Country")}${th("status", "Status")}<th>Evidence</th>${th("region", "Region")}${th("income", "Income")}${WGI.map((k) => th(k, k.toUpperCase())).join("")}</tr></thead><tbody>${rows}</tbody></table>`
    + `<script>${js}</script></body></html>`;
}
