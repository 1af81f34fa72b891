// Twenty twins of every preset, each with its own seed.
const presets = ['4300-dmr', '5600-dmr', '6600-tmr', '4300-dmr'];
const grid = document.getElementById('grid');
for (let i = 0; i < 20; i++) {
  const twin = document.createElement('ft-twin');
  twin.id = `twin-${i}`;
  twin.setAttribute('preset', presets[i % presets.length]);
  twin.setAttribute('seed', String(i + 1));
  twin.setAttribute('alt', `Twin ${i + 1}: ${presets[i % presets.length]}`);
  grid.append(twin);
}
