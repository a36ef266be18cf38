// The connectors page: reads the JSON:API with the bearer token given in the URL fragment (#token=...), which the
// browser never sends to a server, and redraws every 30 seconds. Text from the database is only ever set as text.
"use strict";

const REFRESH_MS = 30000;
const MAX_PAGES = 20;
let token = null;

function tokenFromFragment() {
  const match = /(?:^|&)token=([^&]+)/.exec(location.hash.slice(1));
  return match ? decodeURIComponent(match[1]) : null;
}

function workspaceOf(jwt) {
  try {
    const payload = jwt.split(".")[1].replace(/-/g, "+").replace(/_/g, "/");
    return JSON.parse(atob(payload)).workspace_id || "?";
  } catch (e) {
    return "?";
  }
}

async function all(path) {
  let next = "/v1/" + path;
  const rows = [];
  for (let page = 0; next && page < MAX_PAGES; page++) {
    const response = await fetch(next, { headers: { Authorization: "Bearer " + token, Accept: "application/vnd.api+json" } });
    const body = await response.json();
    if (!response.ok) {
      throw new Error((body.errors && body.errors[0] && body.errors[0].detail) || ("HTTP " + response.status));
    }
    rows.push(...body.data);
    next = body.links && body.links.next;
  }
  return rows;
}

function cell(row, text, field, className) {
  const td = document.createElement("td");
  td.textContent = text === null || text === undefined ? "-" : String(text);
  if (field) td.dataset.field = field;
  if (className) td.className = className;
  row.appendChild(td);
  return td;
}

function percent(rate) {
  return rate === null || rate === undefined ? "-" : Math.round(rate * 100) + "%";
}

function duration(ms) {
  if (ms === null || ms === undefined) return "-";
  return ms < 1000 ? Math.round(ms) + " ms" : (ms / 1000).toFixed(1) + " s";
}

function drawConnectors(statuses) {
  const body = document.querySelector("#connectors tbody");
  body.replaceChildren();
  statuses.sort((a, b) => a.id.localeCompare(b.id));
  for (const status of statuses) {
    const a = status.attributes;
    const row = document.createElement("tr");
    row.dataset.connector = status.id;
    cell(row, status.id, "connector");
    const freshness = cell(row, "", "freshness");
    const badge = document.createElement("span");
    badge.className = "freshness " + a.freshness;
    badge.textContent = a.freshness.replace("_", " ");
    freshness.appendChild(badge);
    cell(row, a.last_sync_status, "last_sync_status");
    cell(row, a.consecutive_failures, "consecutive_failures");
    cell(row, percent(a.success_rate_7d), "success_rate_7d");
    cell(row, duration(a.p95_duration_ms), "p95_duration_ms");
    const error = cell(row, a.consecutive_failures > 0 ? a.last_error : null, "last_error", "error-text");
    error.title = a.last_error || "";
    body.appendChild(row);
  }
}

function drawTimeline(statuses, runs, from, to) {
  const timeline = document.getElementById("timeline");
  timeline.replaceChildren();
  const byConnector = new Map(statuses.map(s => [s.id, []]));
  for (const run of runs) {
    const connector = run.relationships.workspace_connector.data.id;
    if (!byConnector.has(connector)) byConnector.set(connector, []);
    byConnector.get(connector).push(run);
  }
  for (const [connector, connectorRuns] of [...byConnector.entries()].sort()) {
    const lane = document.createElement("div");
    lane.className = "lane";
    lane.dataset.connector = connector;
    const name = document.createElement("span");
    name.className = "name";
    name.textContent = connector;
    const track = document.createElement("div");
    track.className = "track";
    for (const run of connectorRuns) {
      const at = Date.parse(run.attributes.created_at);
      const mark = document.createElement("span");
      mark.className = "run " + run.attributes.status;
      mark.style.left = (100 * (at - from) / (to - from)).toFixed(2) + "%";
      mark.title = run.attributes.status + " at " + run.attributes.created_at;
      track.appendChild(mark);
    }
    lane.append(name, track);
    timeline.appendChild(lane);
  }
}

function drawDiagnostics(diagnostics) {
  const counts = new Map();
  for (const diagnostic of diagnostics) {
    counts.set(diagnostic.attributes.reason, (counts.get(diagnostic.attributes.reason) || 0) + 1);
  }
  const body = document.querySelector("#diagnostics tbody");
  body.replaceChildren();
  for (const [reason, count] of [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    const row = document.createElement("tr");
    row.dataset.reason = reason;
    cell(row, reason, "reason");
    cell(row, count, "count");
    body.appendChild(row);
  }
}

function drawRejections(summary) {
  let total = 0;
  let last24h = 0;
  const body = document.querySelector("#rejections tbody");
  body.replaceChildren();
  for (const reason of summary) {
    const a = reason.attributes;
    total += a.total;
    last24h += a.last_24h;
    const row = document.createElement("tr");
    row.dataset.reason = reason.id;
    cell(row, a.reason, "reason");
    cell(row, a.total, "total");
    cell(row, a.last_24h, "last_24h");
    cell(row, a.last_rejected_at ? new Date(a.last_rejected_at).toLocaleString() : null, "last_rejected_at").title = a.last_rejected_at || "";
    body.appendChild(row);
  }
  document.getElementById("rejected-total").textContent = String(total);
  document.getElementById("rejected-last-24h").textContent = String(last24h);
}

async function refresh() {
  const now = Date.now();
  const since48h = new Date(now - 48 * 3600 * 1000).toISOString();
  const since7d = new Date(now - 7 * 24 * 3600 * 1000).toISOString();
  try {
    const [statuses, runs, diagnostics, rejections] = await Promise.all([
      all("connector_status?page%5Bsize%5D=100"),
      all("workspace_connector_sync_log?sort=created_at&page%5Bsize%5D=100&filter%5Bcreated_at%5D%5Bgte%5D=" + since48h),
      all("connector_sync_diagnostic?page%5Bsize%5D=100&filter%5Bcreated_at%5D%5Bgte%5D=" + since7d),
      all("rejection_summary"),
    ]);
    drawConnectors(statuses);
    drawTimeline(statuses, runs, now - 48 * 3600 * 1000, now);
    drawDiagnostics(diagnostics);
    drawRejections(rejections);
    document.getElementById("problem").textContent = "";
    document.getElementById("refreshed").textContent = new Date().toLocaleTimeString();
    document.getElementById("dashboard").dataset.loaded = "true";
  } catch (e) {
    document.getElementById("problem").textContent = "cannot load: " + e.message;
  }
  setTimeout(refresh, REFRESH_MS);
}

function start(jwt) {
  token = jwt;
  sessionStorage.setItem("sync-ledger-token", jwt);
  document.getElementById("workspace").textContent = workspaceOf(jwt);
  document.getElementById("token-form").hidden = true;
  document.getElementById("dashboard").hidden = false;
  refresh();
}

document.addEventListener("DOMContentLoaded", () => {
  const jwt = tokenFromFragment() || sessionStorage.getItem("sync-ledger-token");
  if (jwt) {
    history.replaceState(null, "", location.pathname);
    start(jwt);
    return;
  }
  const form = document.getElementById("token-form");
  form.hidden = false;
  form.addEventListener("submit", event => {
    event.preventDefault();
    start(document.getElementById("token-input").value.trim());
  });
});
