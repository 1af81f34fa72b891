// Simulates a browser without WebGL (a classic script, so it runs before the module loader).
const getContext = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
  if (/webgl/i.test(String(type))) return null;
  return getContext.call(this, type, ...rest);
};
