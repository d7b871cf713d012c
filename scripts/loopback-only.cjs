'use strict';

/**
 * `node -r ./scripts/loopback-only.cjs …`: every server that does not name a host listens on
 * 127.0.0.1 instead of all interfaces.
 *
 * Made for the Microsoft 365 Agents Playground, which calls `server.listen(port, callback)`
 * (no host, so Node binds `::`/0.0.0.0) and has no option to change that. A server that
 * names its host, a Unix socket path, or an inherited handle is left as it is.
 *
 * Node's listen() forms: listen(options[, cb]), listen(path[, backlog][, cb]),
 * listen(handle[, backlog][, cb]), listen([port[, host[, backlog]]][, cb]).
 */
const net = require('node:net');

const LOOPBACK = '127.0.0.1';
const originalListen = net.Server.prototype.listen;

/** A port given as a number, a numeric string, or left out (undefined/null: any free port). */
function isPort(value) {
  return (
    value === undefined ||
    value === null ||
    typeof value === 'number' ||
    (typeof value === 'string' && /^\d+$/.test(value))
  );
}

function withLoopbackHost(args) {
  const [first] = args;
  if (args.length === 0 || typeof first === 'function') {
    // listen() or listen(callback): any free port.
    return [0, LOOPBACK, ...args];
  }
  if (isPort(first)) {
    // listen(port[, backlog][, cb]) → listen(port, host[, backlog][, cb])
    return typeof args[1] === 'string' ? args : [first, LOOPBACK, ...args.slice(1)];
  }
  if (typeof first === 'object' && !('_handle' in first) && !('fd' in first)) {
    const hasOwnTarget = first.host !== undefined || first.path !== undefined;
    const isHandleWrapper = first.handle !== undefined;
    if (!hasOwnTarget && !isHandleWrapper) {
      return [{ ...first, host: LOOPBACK }, ...args.slice(1)];
    }
  }
  // A Unix socket path, a handle, or a server that chose its host.
  return args;
}

net.Server.prototype.listen = function listenOnLoopbackByDefault(...args) {
  return originalListen.apply(this, withLoopbackHost(args));
};
