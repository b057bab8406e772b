// A free TCP port on the loopback interface (tests only ever listen on 127.0.0.1).
export { freePort } from '../../src/db/embedded.js'
