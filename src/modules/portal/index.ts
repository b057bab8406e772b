export { portalModule } from './portal.routes.js'
