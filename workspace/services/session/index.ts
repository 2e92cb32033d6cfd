export { createSessionService } from './session';
export type { SessionOptions, FakeUser } from './session';
