// The twin's origin comes from ?frame=… (default: this page's own origin); the frame is told to
// accept this page's origin in its `origins` parameter.
const params = new URLSearchParams(location.search);
const frameOrigin = new URL(params.get('frame') ?? location.origin).origin;
const allow = params.get('allow') ?? location.origin;
const iframe = document.getElementById('frame');
iframe.src = `${frameOrigin}/embed.html?preset=4300-dmr&panels=status&origins=${encodeURIComponent(allow)}`;

const status = document.getElementById('status');
const log = document.getElementById('log');
const lines = [];
const say = (line) => {
  lines.push(line);
  log.textContent = lines.slice(-10).join('\n');
};

const { connectFrame } = await import(`${frameOrigin}/embed/ft-twin-frame.js`);
try {
  const twin = await connectFrame(iframe, { timeoutMs: 20_000 });
  window.frameTwin = twin;
  twin.on('ft-state', (e) => say(`ft-state ${e.componentId}: ${e.from} → ${e.to}`));
  twin.on('ft-system', (e) => say(`ft-system ${e.systemId}: ${e.from} → ${e.to}`));
  twin.on('ft-error', (e) => say(`ft-error ${e.message}`));
  await twin.ready();
  status.textContent = `connected to ${twin.instance.slice(0, 8)}…`;
  const act = (id, fn) => {
    const button = document.getElementById(id);
    button.disabled = false;
    button.addEventListener('click', async () => {
      try {
        await fn();
        say(`${id}: done`);
      } catch (error) {
        say(`${id}: ${error.message}`);
      }
    });
  };
  act('inject', () => twin.call('inject', 'A.cpu-1', 'self-check'));
  act('pull', () => twin.call('pull', 'A.disk-10-40-1'));
  act('insert', () => twin.call('insert', 'A.disk-10-40-1'));
} catch (error) {
  status.textContent = `not connected: ${error.message}`;
}
