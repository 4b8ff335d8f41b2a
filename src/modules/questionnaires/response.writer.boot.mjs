// The response writer's thread starts here: the app runs its TypeScript through tsx, and a worker thread gets
// no loader from its parent, so this plain module registers tsx before it loads the thread's code.
import { register } from 'tsx/esm/api';

register();
await import('./response.writer.thread.ts');
