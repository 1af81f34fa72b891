// Counts Content-Security-Policy violations on the page (and inside the twin's worker reports).
window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.cspViolations.push(`${event.violatedDirective}: ${event.blockedURI || event.sample}`);
  const count = document.getElementById('violations');
  if (count) count.textContent = String(window.cspViolations.length);
  const item = document.createElement('li');
  item.textContent = `${event.violatedDirective} blocked ${event.blockedURI || event.sample || '(inline)'}`;
  document.getElementById('violation-list')?.append(item);
});
