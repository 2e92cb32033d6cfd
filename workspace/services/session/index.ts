export { createSessionService, visibleEditor, visibleTo } from './session';
export type { SessionOptions, FakeUser } from './session';
