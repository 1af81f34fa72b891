// Loads the element from the origin named by ?cdn= (a CDN stand-in); default: this page's.
const cdn = new URL(new URLSearchParams(location.search).get('cdn') ?? location.origin).origin;
document.getElementById('origin').textContent = `${cdn}/embed/ft-twin.js`;
await import(`${cdn}/embed/ft-twin.js`);
