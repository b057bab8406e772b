import { Hono } from 'hono'
import type { StaffEnv } from '../module/manifest.js'
import { ctxOf } from '../http/context.js'
import { requirePermission } from '../http/guards.js'
import { pageCtx } from '../ui/page-context.js'
import { render } from '../ui/render.js'
import { listTodo } from './deadlines.service.js'
import { TodoPage } from './views/todo.js'

export function todoRoutes() {
  const app = new Hono<StaffEnv>()
  app.get('/todo', requirePermission('staff.dashboard'), async (c) => {
    const ctx = pageCtx(c)
    const [mine, agency] = await Promise.all([listTodo(ctxOf(c), 'mine'), ctx.can('todo.agency') ? listTodo(ctxOf(c), 'agency') : null])
    return render(c, <TodoPage ctx={ctx} mine={mine} agency={agency} />)
  })
  return app
}
