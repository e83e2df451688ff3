// next-auth's own endpoints (session, CSRF token, callback); the admin UI signs in through a server action.
import { handlers } from '@/lib/auth'

export const { GET, POST } = handlers
