// Shows the twins' events in the page: every <ft-twin> event bubbles and is composed.
const log = document.getElementById('log');
const lines = [];
for (const name of ['ft-ready', 'ft-state', 'ft-system', 'ft-error', 'ft-scenario-end']) {
  document.addEventListener(name, (event) => {
    const d = event.detail ?? {};
    const what =
      name === 'ft-state'
        ? `${d.componentId}: ${d.from} → ${d.to}`
        : name === 'ft-system'
          ? `${d.systemId}: ${d.from} → ${d.to}`
          : name === 'ft-error'
            ? d.message
            : JSON.stringify(d);
    lines.push(`#${event.target.id} ${name} ${what}`);
    log.textContent = lines.slice(-8).join('\n');
  });
}
